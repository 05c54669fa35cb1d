import { sql } from '@payloadcms/db-postgres/drizzle'
import { type PayloadRequest, ValidationError } from 'payload'

import { drizzleFor, rowsOf } from '../../email/database'
import { queueSendJob } from '../../email/queueEmail'
import { reserveTestEmail } from '../../email/sendTemplateTest'
import { CAMPAIGN_EMAIL_KEY, toEmailLocale } from '../../email/templateVariables'
import { contentProblems } from './content'
import type { CampaignContent } from './types'

/**
 * "Send me a test": the saved campaign to the logged-in staff member only, in their language, through
 * the same worker and renderer as the real sending (the row carries `campaign_id`, so deliverEmail
 * renders it with renderCampaignEmail). Its dedupe key starts with the test prefix: the log marks it
 * as a test, the subject says [Prueba], it counts toward the staff member's hourly test limit, and
 * the campaign's figures ignore it. It goes on the default queue: one email, wanted now.
 */
export async function sendCampaignTest(req: PayloadRequest, campaign: CampaignContent): Promise<{ emailLogId: number; to: string }> {
  // A test of an empty campaign would arrive as an empty email: say what is missing instead.
  const problems = contentProblems(req, campaign)
  if (problems.length) throw new ValidationError({ errors: problems })
  const campaignId = campaign.id
  const { email, userId, ownPrefix, now } = await reserveTestEmail(req)
  const user = req.user as { firstName?: string | null; lastName?: string | null; language?: string | null } | null
  const variables = { firstName: user?.firstName ?? '', lastName: user?.lastName ?? '', email }
  const db = await drizzleFor(req)
  const [row] = rowsOf<{ id: number }>(
    await db.execute(sql`
      INSERT INTO email_log ("to", template_key, locale, variables, status, attempts, dedupe_key, campaign_id, updated_at, created_at)
      VALUES (${email.trim().toLowerCase()}, ${CAMPAIGN_EMAIL_KEY}, ${toEmailLocale(user?.language)}, ${JSON.stringify(variables)}::jsonb, 'queued', 0,
              ${`${ownPrefix}campaign-${campaignId}:${now.getTime()}:${crypto.randomUUID()}`}, ${campaignId}, ${now}, ${now})
      RETURNING id`),
  )
  const emailLogId = Number(row.id)
  await req.payload.db.updateOne({
    collection: 'email-log',
    id: emailLogId,
    data: { relatedDocument: { relationTo: 'users', value: userId } },
    req,
    returning: false,
  })
  await queueSendJob(req, emailLogId)
  return { emailLogId, to: email }
}
