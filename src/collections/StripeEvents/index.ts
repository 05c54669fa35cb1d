import type { CollectionConfig } from 'payload'

import { isAdmin, nobody } from '../../access'
import { STRIPE_EVENT_STATUSES } from '../../payments/statuses'

const statusLabels: Record<string, { es: string; en: string }> = {
  received: { es: 'Recibido', en: 'Received' },
  processed: { es: 'Procesado', en: 'Processed' },
  ignored: { es: 'Ignorado', en: 'Ignored' },
  failed: { es: 'Fallido', en: 'Failed' },
}

/**
 * Every event Stripe sent, recorded once by its id before the webhook answers 2xx, then processed
 * by the `processStripeEvent` job. The unique `eventId` is what makes a replayed event harmless.
 * Only the server writes here; admins read it when a payment needs explaining.
 */
export const StripeEvents: CollectionConfig = {
  slug: 'stripe-events',
  labels: {
    singular: { es: 'Evento de Stripe', en: 'Stripe event' },
    plural: { es: 'Eventos de Stripe', en: 'Stripe events' },
  },
  admin: {
    group: { es: 'Pagos', en: 'Payments' },
    useAsTitle: 'eventId',
    defaultColumns: ['eventId', 'type', 'status', 'processedAt', 'createdAt'],
  },
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'eventId', type: 'text', required: true, unique: true, label: { es: 'Id del evento', en: 'Event id' } },
    { name: 'type', type: 'text', required: true, index: true, label: { es: 'Tipo', en: 'Type' } },
    { name: 'status', type: 'select', required: true, defaultValue: 'received', index: true, options: STRIPE_EVENT_STATUSES.map((value) => ({ value, label: statusLabels[value] })), label: { es: 'Estado', en: 'Status' } },
    { name: 'processedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } }, label: { es: 'Procesado el', en: 'Processed at' } },
    { name: 'payment', type: 'relationship', relationTo: 'payments', label: { es: 'Pago', en: 'Payment' } },
    { name: 'outcome', type: 'text', label: { es: 'Resultado', en: 'Outcome' } },
    { name: 'livemode', type: 'checkbox', label: { es: 'Modo real', en: 'Live mode' } },
    { name: 'payload', type: 'json', required: true, label: { es: 'Contenido', en: 'Payload' } },
  ],
  timestamps: true,
}
