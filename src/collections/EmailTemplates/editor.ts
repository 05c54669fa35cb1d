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
import type { Block, FieldHook, TextField } from 'payload'

import { ButtonBlock, VariableBlock } from './blocks'

/**
 * Lexical URI-encodes a link address it does not recognise as a URL, which would turn `{{cancelUrl}}`
 * into `%7B%7BcancelUrl%7D%7D`. An address holding a variable is kept as typed; the rest as Lexical does.
 */
const keepVariableAddresses = (field: TextField): TextField => {
  const lexicalHooks = field.hooks?.beforeChange ?? []
  const keepOrDefer: FieldHook = async (args) => {
    if (typeof args.value === 'string' && args.value.includes('{{')) return args.value.trim()
    let value = args.value
    for (const hook of lexicalHooks) value = await hook({ ...args, value })
    return value
  }
  return {
    ...field,
    hooks: { ...field.hooks, beforeChange: [keepOrDefer] },
    admin: {
      ...field.admin,
      description: {
        es: 'https://… o una variable de este correo, por ejemplo {{cancelUrl}}.',
        en: 'https://… or a variable of this email, such as {{cancelUrl}}.',
      },
    },
  }
}

/**
 * What an email needs and nothing a mail client would mangle: headings, bold/italic/underline,
 * links, lists, a button, and variables picked from a list (`variableBlock`: which ones). No uploads,
 * tables or embeds. Shared by templates and campaigns, so src/email/templateBody renders both alike.
 */
export const emailEditorWith = (variableBlock: Block) =>
  lexicalEditor({
    features: () => [
      ParagraphFeature(),
      HeadingFeature({ enabledHeadingSizes: ['h2', 'h3'] }),
      BoldFeature(),
      ItalicFeature(),
      UnderlineFeature(),
      LinkFeature({
        enabledCollections: [],
        fields: ({ defaultFields }) =>
          defaultFields.map((field) => (field.name === 'url' && field.type === 'text' ? keepVariableAddresses(field) : field)),
      }),
      UnorderedListFeature(),
      OrderedListFeature(),
      BlocksFeature({ blocks: [ButtonBlock], inlineBlocks: [variableBlock] }),
      FixedToolbarFeature(),
      InlineToolbarFeature(),
    ],
  })

/** The email templates' editor: every variable an email may hold (each template offers its own at send time). */
export const emailBodyEditor = emailEditorWith(VariableBlock)
