import type { Field } from 'payload'

import { DELIVERY_STATUS_LABELS, DELIVERY_STATUSES } from '../../webhooks/delivery/statuses'
import { WEBHOOK_EVENT_COLLECTION, WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS } from '../../webhooks/events'

const readOnly = { readOnly: true } as const
const dateTime = { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } as const
const DOCUMENT_COLLECTIONS = [...new Set(Object.values(WEBHOOK_EVENT_COLLECTION))]

/** Every field is written by the delivery pipeline (src/webhooks/delivery), never by hand. */
export const webhookDeliveryFields: Field[] = [
  { name: 'webhook', type: 'relationship', relationTo: 'webhooks', index: true, label: { es: 'Webhook', en: 'Webhook' }, admin: readOnly },
  {
    type: 'row',
    fields: [
      {
        name: 'eventType',
        type: 'select',
        required: true,
        index: true,
        label: { es: 'Evento', en: 'Event' },
        options: WEBHOOK_EVENTS.map((value) => ({ value, label: WEBHOOK_EVENT_LABELS[value] })),
        admin: readOnly,
      },
      {
        name: 'eventId',
        type: 'text',
        required: true,
        unique: true,
        label: { es: 'Id del evento', en: 'Event id' },
        admin: { ...readOnly, description: { es: 'El mismo en cada reintento y reenvío: el receptor lo usa para no procesarlo dos veces.', en: 'The same on every retry and redelivery: receivers use it to process the event once.' } },
      },
    ],
  },
  {
    type: 'row',
    fields: [
      { name: 'documentCollection', type: 'select', required: true, label: { es: 'Colección del documento', en: 'Document collection' }, options: DOCUMENT_COLLECTIONS, admin: readOnly },
      { name: 'documentId', type: 'text', required: true, label: { es: 'Id del documento', en: 'Document id' }, admin: readOnly },
    ],
  },
  {
    name: 'status',
    type: 'select',
    required: true,
    defaultValue: 'pending',
    index: true,
    label: { es: 'Estado', en: 'Status' },
    options: DELIVERY_STATUSES.map((value) => ({ value, label: DELIVERY_STATUS_LABELS[value] })),
    admin: { ...readOnly, position: 'sidebar' },
  },
  {
    name: 'redeliver',
    type: 'ui',
    admin: { position: 'sidebar', components: { Field: '/src/components/webhooks/RedeliverButton#RedeliverButton' } },
  },
  { name: 'attempts', type: 'number', required: true, defaultValue: 0, label: { es: 'Intentos', en: 'Attempts' }, admin: { ...readOnly, position: 'sidebar' } },
  { name: 'lastStatusCode', type: 'number', label: { es: 'Último código HTTP', en: 'Last HTTP status' }, admin: { ...readOnly, position: 'sidebar' } },
  { name: 'lastError', type: 'text', label: { es: 'Último error', en: 'Last error' }, admin: { ...readOnly, position: 'sidebar' } },
  { name: 'nextAttemptAt', type: 'date', index: true, label: { es: 'Próximo intento', en: 'Next attempt' }, admin: { ...dateTime, position: 'sidebar' } },
  { name: 'firstAttemptAt', type: 'date', label: { es: 'Primer intento', en: 'First attempt' }, admin: { ...dateTime, position: 'sidebar' } },
  { name: 'claimedAt', type: 'date', label: { es: 'Tomado el', en: 'Claimed at' }, admin: { ...dateTime, position: 'sidebar' } },
  {
    // Built at the first attempt (so a grouped update carries the latest state) and sent unchanged on every retry.
    name: 'body',
    type: 'json',
    label: { es: 'Cuerpo enviado', en: 'Body sent' },
    admin: { ...readOnly, description: { es: 'Exactamente lo que recibe el receptor; vacío hasta el primer intento.', en: 'Exactly what the receiver gets; empty until the first attempt.' } },
  },
  {
    name: 'attemptsLog',
    type: 'array',
    label: { es: 'Registro de intentos', en: 'Attempt log' },
    labels: { singular: { es: 'Intento', en: 'Attempt' }, plural: { es: 'Intentos', en: 'Attempts' } },
    admin: { ...readOnly, initCollapsed: false },
    fields: [
      {
        type: 'row',
        fields: [
          { name: 'attempt', type: 'number', label: { es: 'Intento n.º', en: 'Attempt no.' }, admin: readOnly },
          { name: 'at', type: 'date', label: { es: 'Fecha', en: 'At' }, admin: dateTime },
          { name: 'statusCode', type: 'number', label: { es: 'Código HTTP', en: 'HTTP status' }, admin: readOnly },
          { name: 'durationMs', type: 'number', label: { es: 'Duración (ms)', en: 'Duration (ms)' }, admin: readOnly },
        ],
      },
      { name: 'error', type: 'text', label: { es: 'Mensaje de error', en: 'Error' }, admin: readOnly },
      { name: 'responseExcerpt', type: 'textarea', maxLength: 500, label: { es: 'Respuesta (primeros 500 caracteres)', en: 'Response (first 500 characters)' }, admin: readOnly },
    ],
  },
]
