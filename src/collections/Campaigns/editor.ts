import { CAMPAIGN_VARIABLES } from '../../automation/campaigns/variables'
import { variableBlockOf } from '../EmailTemplates/blocks'
import { emailEditorWith } from '../EmailTemplates/editor'

/** Only what a campaign knows about its reader. */
const CampaignVariableBlock = variableBlockOf(CAMPAIGN_VARIABLES)

/**
 * The email templates' editor (src/collections/EmailTemplates/editor.ts) with the campaign's own
 * variables: same features and block slugs, so src/email/templateBody turns either into the same HTML,
 * and a link to {{unsubscribeUrl}} is kept as typed.
 */
export const campaignBodyEditor = emailEditorWith(CampaignVariableBlock)
