import type { PayloadRequest } from 'payload'

import type { EnrollmentMessage } from '../../enrollment/notify/enrollmentMessage'
import { notify } from '../notify'
import { personOf, quoted } from './links'

/**
 * The person off the waiting list (promoteWaitlist, a capacity raise, or staff moving them by hand), with
 * the email of the same name: a seat, confirmed, or held until they pay (then the link is the payment page
 * when it is open). Students have no admin: their links are the public site's (enrollmentMessage builds them).
 */
export async function notifyWaitlistPromoted(req: PayloadRequest, enrollment: { user?: unknown; status?: unknown }, message: EnrollmentMessage): Promise<void> {
  const mustPay = enrollment.status === 'pending_payment'
  await notify(req, {
    kind: 'waitlist_promoted',
    to: personOf(enrollment.user),
    title: { es: `¡Tienes cupo en ${quoted(message.title)}!`, en: `You have a seat in ${quoted(message.title)}!` },
    body: mustPay
      ? { es: 'Saliste de la lista de espera: completa el pago para confirmar tu cupo.', en: 'You are off the waitlist: complete the payment to confirm your seat.' }
      : { es: 'Saliste de la lista de espera y tu inscripción está confirmada.', en: 'You are off the waitlist and your enrollment is confirmed.' },
    link: String((mustPay && message.variables.payUrl) || message.variables.itemUrl),
    document: { collection: 'enrollments', id: message.enrollmentId },
    dedupeKey: `waitlist_promoted:${message.enrollmentId}`,
  })
}
