import type { KnowsLanguage } from '../i18n/say'
import { say } from '../i18n/say'
import { formatAmount } from '../payments/money'
import type { CancellationPreview } from './preview'

/** One sentence a coordinator can read: who loses their place and what money goes back. */
export function describePreview(language: KnowsLanguage, { people, refunds }: CancellationPreview): string {
  const money = refunds.amounts.map(({ currency, amount }) => `${currency} ${formatAmount(amount, currency)}`).join(' + ')
  if (!people.total) return say(language, { es: 'No hay inscripciones activas: nadie recibe aviso ni reembolso.', en: 'No active enrollments: nobody is notified or refunded.' })
  return say(language, {
    es: `Se cancelarán ${people.total} inscripciones (${people.confirmed} confirmadas, ${people.pending_payment} pendientes de pago, ${people.waitlisted} en lista de espera) y se reembolsarán ${refunds.count} pagos${money ? `: ${money}` : ''}.`,
    en: `${people.total} enrollments will be cancelled (${people.confirmed} confirmed, ${people.pending_payment} pending payment, ${people.waitlisted} waitlisted) and ${refunds.count} payments refunded${money ? `: ${money}` : ''}.`,
  })
}
