import { APIError, type PayloadRequest } from 'payload'

import type { ItemCollection } from '../enrollment/statuses'
import { inTransaction } from '../enrollment/transaction'
import { say } from '../i18n/say'
import { moveFollowUp, readFollowUp } from './state'
import { FOLLOW_UP_TASK } from './states'

/**
 * "Enviar a todos los confirmados": an item on hold (no attendance recorded) is released, and its
 * follow-ups are queued at once, for everyone confirmed, in the wording that presumes neither
 * presence nor absence (`followup_released`). Anything else is a 409 saying where it stands.
 */
export async function releaseFollowUps(req: PayloadRequest, collection: ItemCollection, itemId: number): Promise<void> {
  await inTransaction(req, async () => {
    const stored = await readFollowUp(req, collection, itemId, { lock: true })
    if (!stored) throw new APIError('Not Found', 404, undefined, true)
    if (stored.status !== 'on_hold' || !(await moveFollowUp(req, collection, itemId, ['on_hold'], 'released'))) {
      const messages = {
        scheduled: { es: 'El seguimiento todavía no está en espera: saldrá solo cuando llegue su hora.', en: 'The follow-up is not on hold: it goes out by itself when its time comes.' },
        released: { es: 'El seguimiento ya fue liberado y se está enviando.', en: 'The follow-up was already released and is being sent.' },
        sent: { es: 'El seguimiento ya se envió.', en: 'The follow-up was already sent.' },
        skipped: { es: 'Este evento no tiene seguimiento automático; escribe a los participantes desde su página.', en: 'This event has no automatic follow-up; write to the participants from their page.' },
        on_hold: { es: 'El seguimiento cambió mientras tanto; recarga la página.', en: 'The follow-up changed meanwhile; reload the page.' },
      }
      throw new APIError(say(req, messages[stored.status]), 409, undefined, true)
    }
    await req.payload.jobs.queue({ task: FOLLOW_UP_TASK as never, input: { collection, itemId } as never, req })
  })
}
