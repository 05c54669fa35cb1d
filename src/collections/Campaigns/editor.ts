import {
  BlocksFeature,
  BoldFeature,
  FixedToolbarFeature,
  HeadingFeature,
  InlineToolbarFeature,
  ItalicFeature,
  LinkFeature,
  lexicalEditor,
  OrderedListFeature,
  ParagraphFeature,
  UnderlineFeature,
  UnorderedListFeature,
} from '@payloadcms/richtext-lexical'
import type { Block } from 'payload'

import { CAMPAIGN_VARIABLES } from '../../automation/campaigns/variables'
import { VARIABLE_BLOCK } from '../../email/templateBody/nodes'
import { variableLabels } from '../../email/variableLabels'
import { ButtonBlock } from '../EmailTemplates/blocks'

/** The template editor's variable block, offering only what a campaign knows about its reader. */
const CampaignVariableBlock: Block = {
  slug: VARIABLE_BLOCK,
  labels: { singular: { es: 'Variable', en: 'Variable' }, plural: { es: 'Variables', en: 'Variables' } },
  admin: { components: { Label: '/src/components/emailTemplates/VariableChip#VariableChip' } },
  fields: [
    {
      name: 'variable',
      type: 'select',
      required: true,
      label: { es: 'Dato que se inserta', en: 'Value to insert' },
      options: CAMPAIGN_VARIABLES.map((name) => ({ value: name, label: variableLabels[name] ?? name })),
    },
  ],
}

/**
 * The email templates' editor (src/collections/EmailTemplates/editor.ts) with the campaign's own
 * variables. Same block slugs, so src/email/templateBody turns either into the same HTML.
 */
export const campaignBodyEditor = lexicalEditor({
  features: () => [
    ParagraphFeature(),
    HeadingFeature({ enabledHeadingSizes: ['h2', 'h3'] }),
    BoldFeature(),
    ItalicFeature(),
    UnderlineFeature(),
    LinkFeature({ enabledCollections: [] }),
    UnorderedListFeature(),
    OrderedListFeature(),
    BlocksFeature({ blocks: [ButtonBlock], inlineBlocks: [CampaignVariableBlock] }),
    FixedToolbarFeature(),
    InlineToolbarFeature(),
  ],
})
