import { sql } from '@payloadcms/db-postgres/drizzle'
import { APIError, type Endpoint, type PayloadRequest } from 'payload'

import { recordAudit } from '../../../audit/record'
import { drizzleFor } from '../../../email/database'
import { inTransaction } from '../../../enrollment/transaction'
import { say } from '../../../i18n/say'
import { getClock } from '../../../utilities/clock'
import { BUILD_PRIVACY_EXPORT_TASK } from './task'
import { PRIVACY_EXPORT_INTERVAL_MINUTES } from './statuses'

/** Seconds until the person may ask again; 0 when they may now. */
async function secondsUntilAllowed(req: PayloadRequest, userId: number, now: Date): Promise<number> {
  const since = new Date(now.getTime() - PRIVACY_EXPORT_INTERVAL_MINUTES * 60_000)
  const { docs } = await req.payload.find({
    collection: 'privacy-exports',
    where: { and: [{ owner: { equals: userId } }, { requestedAt: { greater_than: since.toISOString() } }] },
    sort: '-requestedAt',
    limit: 1,
    depth: 0,
    select: { requestedAt: true },
    overrideAccess: true,
    req,
  })
  if (!docs.length) return 0
  const allowedAt = new Date(docs[0].requestedAt).getTime() + PRIVACY_EXPORT_INTERVAL_MINUTES * 60_000
  return Math.max(1, Math.ceil((allowedAt - now.getTime()) / 1000))
}

/**
 * `POST /api/privacy/my-export`: a logged-in person asks for their own data. Answers 202 at once with
 * the export's id; a job builds the zip and emails them a link (valid 7 days, download needs their
 * login). One request per hour per person (429 with Retry-After); two requests at the same moment
 * are one (a per-person transaction lock).
 */
export const myExportEndpoint: Endpoint = {
  path: '/privacy/my-export',
  method: 'post',
  handler: async (req) => {
    const user = req.user
    if (!user || user.collection !== 'users') {
      throw new APIError(say(req, { es: 'Inicia sesión para pedir tus datos.', en: 'Log in to ask for your data.' }), 401, undefined, true)
    }
    const userId = user.id as number
    const outcome = await inTransaction(req, async () => {
      const db = await drizzleFor(req)
      await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext('privacy-export'), ${userId})`)
      const now = getClock(req.payload).now()
      const wait = await secondsUntilAllowed(req, userId, now)
      if (wait > 0) return { wait, id: null }
      const row = await req.payload.create({ collection: 'privacy-exports', data: { owner: userId, status: 'pending', requestedAt: now.toISOString() }, overrideAccess: true, req })
      await req.payload.jobs.queue({ task: BUILD_PRIVACY_EXPORT_TASK, input: { exportId: row.id }, req })
      await recordAudit(req, { action: 'export', collectionSlug: 'users', documentId: userId, personId: userId })
      return { wait: 0, id: row.id as number }
    })
    if (outcome.id === null) {
      const minutes = Math.ceil(outcome.wait / 60)
      const message = say(req, {
        es: `Ya pediste tus datos hace menos de una hora. Puedes volver a pedirlos en ${minutes} min.`,
        en: `You asked for your data less than an hour ago. You can ask again in ${minutes} min.`,
      })
      return Response.json({ errors: [{ message }] }, { status: 429, headers: { 'Retry-After': String(outcome.wait) } })
    }
    const message = say(req, {
      es: 'Estamos preparando tus datos. Te enviaremos un correo con el enlace de descarga.',
      en: 'We are preparing your data. We will email you a download link.',
    })
    return Response.json({ id: outcome.id, status: 'pending', message }, { status: 202 })
  },
}
