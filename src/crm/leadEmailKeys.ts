import type { EmailTemplateKey } from '../email/templateVariables'

/**
 * Emails whose address or variables are a lead's personal data: the acknowledgement sent to the
 * lead, the assignment notice and the follow-up digest (both name leads). Whoever may not read
 * leads may not read these rows of the email log either.
 */
export const LEAD_EMAIL_KEYS: EmailTemplateKey[] = ['lead_received', 'lead_assigned', 'sales_followup_digest']
