import { sql } from '@payloadcms/db-postgres/drizzle'
import { APIError, commitTransaction, type Endpoint, Forbidden, initTransaction, killTransaction, NotFound } from 'payload'

import { checkRole } from '../../../access'
import { drizzleFor, rowsOf } from '../../../email/database'
import { queueSendJob } from '../../../email/queueEmail'
import { say } from '../../../i18n/say'

/**
 * `POST /api/email-log/:id/resend` (admins): gives a `failed` email a fresh set of attempts. The
 * status change and the new job commit together, so the row is never `queued` without a job.
 */
export const resendEmail: Endpoint = {
  path: '/:id/resend',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw new APIError(say(req, { es: 'Inicia sesión para reenviar un correo.', en: 'Log in to resend an email.' }), 401, undefined, true)
    if (!checkRole(['admin'], req.user)) throw new Forbidden(req.t)
    const id = Number(req.routeParams?.id)
    if (!Number.isInteger(id) || id <= 0) throw new NotFound(req.t)

    const shouldCommit = await initTransaction(req)
    try {
      const db = await drizzleFor(req)
      const reset = rowsOf<{ id: number }>(
        await db.execute(sql`
          UPDATE email_log SET status = 'queued', attempts = 0, claimed_at = NULL, updated_at = now()
           WHERE id = ${id} AND status = 'failed'
          RETURNING id`),
      )
      if (!reset.length) {
        const exists = rowsOf<{ status: string }>(await db.execute(sql`SELECT status FROM email_log WHERE id = ${id}`))
        if (!exists.length) throw new NotFound(req.t)
        throw new APIError(say(req, { es: `Solo se puede reenviar un correo fallido; este está en "${exists[0].status}".`, en: `Only a failed email can be resent; this one is "${exists[0].status}".` }), 409)
      }
      await queueSendJob(req, id)
      if (shouldCommit) await commitTransaction(req)
    } catch (error) {
      if (shouldCommit) await killTransaction(req)
      throw error
    }
    return Response.json({ message: say(req, { es: 'Correo en cola de nuevo.', en: 'Email queued again.' }), id, status: 'queued' })
  },
}
