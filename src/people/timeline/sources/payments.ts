import { formatAmount } from '../../../payments/money'
import { optionLabel } from '../optionLabel'
import { asCaller, type Doc, ROWS_PER_SOURCE, type TimelineEntry, type TimelineSource } from '../types'

/** A user's payments (read as the caller: an instructor or a student sees only what payments access allows). */
export const paymentsSource: TimelineSource = {
  name: 'payments',
  label: { es: 'Pagos', en: 'Payments' },
  appliesTo: ['user'],
  async load({ req, subject, language }) {
    const { docs } = await req.payload.find({
      collection: 'payments',
      where: { user: { equals: subject.doc.id } },
      sort: '-createdAt',
      limit: ROWS_PER_SOURCE,
      ...asCaller(req),
      select: { amount: true, currency: true, status: true, createdAt: true, refundRequestedAt: true, refundReason: true },
    })
    const en = language === 'en'
    return (docs as Doc[]).flatMap((payment): TimelineEntry[] => {
      const link = { collection: 'payments', id: payment.id }
      const amount = `${formatAmount(Number(payment.amount ?? 0), String(payment.currency ?? ''))} ${payment.currency ?? ''}`.trim()
      const entries: TimelineEntry[] = [
        { at: payment.createdAt, source: 'payments', title: `${en ? 'Payment' : 'Pago'} ${amount}`, detail: optionLabel(req, 'payments', ['status'], payment.status, language), link },
      ]
      if (payment.refundRequestedAt) {
        entries.push({ at: payment.refundRequestedAt, source: 'payments', title: `${en ? 'Refund requested' : 'Reembolso pedido'} ${amount}`, detail: payment.refundReason ?? undefined, link })
      }
      return entries
    })
  },
}
