/**
 * What a campaign's subject and body may use: the recipient, and the unsubscribe link (which is always
 * in the email: the renderer appends a visible one when the body has none). Pure data: the admin
 * editor imports it too.
 */
export const CAMPAIGN_VARIABLES = ['firstName', 'lastName', 'email', 'unsubscribeUrl'] as const
export type CampaignVariable = (typeof CAMPAIGN_VARIABLES)[number]

export const UNSUBSCRIBE_VARIABLE: CampaignVariable = 'unsubscribeUrl'
