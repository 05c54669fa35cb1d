import { sql } from '@payloadcms/db-postgres/drizzle'
import { APIError, type PayloadRequest } from 'payload'

import { say } from '../i18n/say'
import { getClock } from '../utilities/clock'
import { drizzleFor, rowsOf } from './database'
import { queueEmail } from './queueEmail'
import { type EmailTemplateKey, SAMPLE_VARIABLES } from './templateVariables'
import { TEST_EMAIL_PREFIX } from './testEmail'

/** Tests per staff member per hour: plenty for checking a template, too few to use Aula as a mailer. */
export const TEST_EMAILS_PER_HOUR = 10
const HOUR_MS = 60 * 60 * 1000

/**
 * Checks the logged-in staff member may send themselves one more test (TEST_EMAILS_PER_HOUR, shared by
 * template and campaign tests) and returns the dedupe-key prefix their test must start with. Call it in
 * the transaction that queues the test: the lock keeps two clicks at once from both squeezing under the limit.
 */
export async function reserveTestEmail(req: PayloadRequest): Promise<{ email: string; userId: number | string; ownPrefix: string; now: Date }> {
  const user = req.user
  if (!user?.email) throw new APIError(say(req, { es: 'Inicia sesión para enviarte una prueba.', en: 'Log in to send yourself a test.' }), 401)
  const now = getClock(req.payload).now()
  const ownPrefix = `${TEST_EMAIL_PREFIX}user-${user.id}:`
  const db = await drizzleFor(req)
  // Two clicks at once must not both squeeze under the limit: one staff member's tests queue one at a time.
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${ownPrefix}))`)
  const [{ count }] = rowsOf<{ count: number | string }>(
    await db.execute(sql`SELECT count(*) AS count FROM email_log WHERE dedupe_key LIKE ${`${ownPrefix}%`} AND created_at > ${new Date(now.getTime() - HOUR_MS)}`),
  )
  if (Number(count) >= TEST_EMAILS_PER_HOUR) {
    throw new APIError(
      say(req, {
        es: `Ya te enviaste ${TEST_EMAILS_PER_HOUR} pruebas en la última hora; espera un poco.`,
        en: `You sent yourself ${TEST_EMAILS_PER_HOUR} tests in the last hour; please wait a little.`,
      }),
      429,
      undefined,
      true,
    )
  }
  return { email: user.email, userId: user.id, ownPrefix, now }
}

/**
 * Queues a template, filled with sample data, to the logged-in staff member's own address: the same
 * queue, worker and log as every email, so what arrives is what customers would get. The caller's
 * transaction keeps the log row and its job together.
 */
export async function sendTemplateTest(
  req: PayloadRequest,
  template: { id: number; key: EmailTemplateKey; locale: string },
): Promise<{ emailLogId: number; to: string }> {
  const { email, userId, ownPrefix, now } = await reserveTestEmail(req)
  const { emailLogId } = await queueEmail(req, {
    templateKey: template.key,
    to: { email, language: template.locale },
    dedupeKey: `${ownPrefix}template-${template.id}:${now.getTime()}:${crypto.randomUUID()}`,
    relatedDocument: { relationTo: 'users', value: userId },
    variables: SAMPLE_VARIABLES,
  })
  return { emailLogId, to: email }
}
