import { sql } from '@payloadcms/db-postgres/drizzle'
import { APIError, NotFound, type PayloadRequest } from 'payload'

import { drizzleFor, rowsOf } from '../../email/database'
import { inTransaction } from '../../enrollment/transaction'
import { say } from '../../i18n/say'
import { getClock } from '../../utilities/clock'
import { queueDeliveryJob } from './queueJob'

/**
 * One more attempt of a delivery, now, with the same body and event id (any status but `sending`, gone
 * and abandoned ones included). Its due time moves to now, so a retry job waiting for the old time
 * steps aside. The row and its job commit together. A webhook that is off must be switched on first.
 */
export async function redeliverWebhookDelivery(req: PayloadRequest, id: number): Promise<{ id: number; dueAt: Date }> {
  return inTransaction(req, async () => {
    const db = await drizzleFor(req)
    const now = getClock(req.payload).now()
    const moved = rowsOf<{ id: number }>(
      await db.execute(sql`
        UPDATE webhook_deliveries d SET status = 'pending', next_attempt_at = ${now}, updated_at = ${now}
          FROM webhooks w
         WHERE d.id = ${id} AND w.id = d.webhook_id AND w.active AND d.status <> 'sending'
        RETURNING d.id`),
    )
    if (!moved.length) await explainRefusal(req, id)
    await queueDeliveryJob(req, id, now)
    return { id, dueAt: now }
  })
}

async function explainRefusal(req: PayloadRequest, id: number): Promise<never> {
  const db = await drizzleFor(req)
  const rows = rowsOf<{ status: string; active: boolean | null }>(
    await db.execute(sql`SELECT d.status, w.active FROM webhook_deliveries d LEFT JOIN webhooks w ON w.id = d.webhook_id WHERE d.id = ${id}`),
  )
  if (!rows.length) throw new NotFound(req.t)
  if (rows[0].status === 'sending') {
    throw new APIError(say(req, { es: 'Esta entrega se está enviando ahora mismo; espere a que termine.', en: 'This delivery is being sent right now; wait for it to finish.' }), 409)
  }
  throw new APIError(say(req, { es: 'El webhook está desactivado o ya no existe: actívelo antes de reenviar.', en: 'The webhook is switched off or no longer exists: switch it on before redelivering.' }), 409)
}
