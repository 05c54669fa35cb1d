import type { PayloadRequest } from 'payload'

import { getClock } from '../../utilities/clock'
import { notify } from '../notify'

/** Where an admin sees every email that gave up. */
export const FAILED_EMAILS_PATH = '/admin/collections/email-log?where[status][equals]=failed'

/**
 * An email that ended `failed` for good (its last attempt, or no template to render). Admins hear of it
 * at most once an hour (the key is the hour by the app clock): a mail server refusing everything must
 * not bury them under one notification per email. No address in the text: the log row has it (and erasure clears it there).
 */
export async function notifyEmailFailed(req: PayloadRequest, email: { id: number; templateKey?: string | null }, error: string): Promise<void> {
  const hour = getClock(req.payload).now().toISOString().slice(0, 13)
  const what = email.templateKey ? ` (${email.templateKey})` : ''
  const reason = error.length > 300 ? `${error.slice(0, 299)}…` : error
  await notify(req, {
    kind: 'emails_failing',
    to: 'byRole',
    title: { es: 'Hay correos que no se pudieron enviar', en: 'Some emails could not be sent' },
    body: {
      es: `El correo #${email.id}${what} falló definitivamente: ${reason}. Revisa el registro de correos por si hay más.`,
      en: `Email #${email.id}${what} failed for good: ${reason}. Check the email log for others.`,
    },
    link: FAILED_EMAILS_PATH,
    document: { collection: 'email-log', id: email.id },
    dedupeKey: `emails_failing:${hour}`,
  })
}
