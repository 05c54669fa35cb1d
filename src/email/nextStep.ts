import { escapeHtml } from '../utilities/escapeHtml'
import type { EmailLocale } from './templateVariables'

const COPY: Record<EmailLocale, { pay: (deadline: string) => string; button: string; done: string }> = {
  es: {
    pay: (deadline) => `Para confirmarlo, completa el pago antes del ${deadline}. Si no, el lugar pasará a la siguiente persona de la lista.`,
    button: 'Pagar y confirmar mi lugar',
    done: 'Ya estás inscrito: no tienes que hacer nada más.',
  },
  en: {
    pay: (deadline) => `To confirm it, complete the payment before ${deadline}. Otherwise the seat goes to the next person on the list.`,
    button: 'Pay and confirm my seat',
    done: 'You are registered: there is nothing else you need to do.',
  },
}

/**
 * The `{{nextStep}}` paragraph of `waitlist_promoted`: a paid seat is only held, so the person must
 * pay through the signed `payUrl` before the hold ends; a free seat is theirs already. Built by Aula
 * (so staff templates need no conditionals); every value in it is escaped.
 */
export function nextStepHtml({ payUrl, holdExpiresAt }: { payUrl: unknown; holdExpiresAt: string }, locale: EmailLocale): string {
  const copy = COPY[locale]
  if (typeof payUrl !== 'string' || !payUrl) return `<p>${escapeHtml(copy.done)}</p>`
  return `<p>${escapeHtml(copy.pay(holdExpiresAt))}</p><p><a href="${escapeHtml(payUrl)}">${escapeHtml(copy.button)}</a></p>`
}
