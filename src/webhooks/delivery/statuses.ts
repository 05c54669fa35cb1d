/**
 * Where a delivery stands. `sending` is the claim (one worker has it); `failed` will be tried again;
 * `gone` is a receiver that answered 410; `abandoned` gave up (3 days of failures, or the webhook was switched off or deleted).
 */
export const DELIVERY_STATUSES = ['pending', 'sending', 'delivered', 'failed', 'gone', 'abandoned'] as const
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]

export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, { es: string; en: string }> = {
  pending: { es: 'Pendiente', en: 'Pending' },
  sending: { es: 'Enviando', en: 'Sending' },
  delivered: { es: 'Entregado', en: 'Delivered' },
  failed: { es: 'Fallido (se reintentará)', en: 'Failed (will retry)' },
  gone: { es: 'Rechazado por el receptor (410)', en: 'Refused by the receiver (410)' },
  abandoned: { es: 'Abandonado', en: 'Abandoned' },
}
