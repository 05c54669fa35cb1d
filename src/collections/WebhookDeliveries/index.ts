import type { CollectionConfig } from 'payload'

import { isAdmin, nobody } from '../../access'
import { redeliverEndpoint } from './endpoints/redeliver'
import { webhookDeliveryFields } from './fields'

/**
 * One row per event sent (or to send) to one webhook: its body, status and every attempt
 * (docs/webhooks.md "Deliveries"). Written only by src/webhooks/delivery; kept 30 days.
 */
export const WebhookDeliveries: CollectionConfig = {
  slug: 'webhook-deliveries',
  labels: {
    singular: { es: 'Entrega de webhook', en: 'Webhook delivery' },
    plural: { es: 'Entregas de webhooks', en: 'Webhook deliveries' },
  },
  admin: {
    group: { es: 'Administración', en: 'Administration' },
    useAsTitle: 'eventId',
    defaultColumns: ['eventType', 'webhook', 'status', 'attempts', 'lastStatusCode', 'nextAttemptAt', 'createdAt'],
  },
  defaultSort: '-createdAt',
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  // POST /api/webhook-deliveries/:id/redeliver: one more attempt of the same body, now.
  endpoints: [redeliverEndpoint],
  // A webhook's grouping check (src/webhooks/delivery/enqueue.ts) looks for its pending delivery of one event and document.
  indexes: [{ fields: ['webhook', 'eventType', 'documentId', 'status'] }],
  fields: webhookDeliveryFields,
}
