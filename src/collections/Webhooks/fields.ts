import type { Field, FieldAccess, TextFieldSingleValidation } from 'payload'

import { say } from '../../i18n/say'
import { checkReceiverUrl, receiverUrlOptions } from '../../webhooks/receiverUrl'
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS } from '../../webhooks/events'

/** Written by Aula (the delivery side switches a failing webhook off); the API and the admin only read them. */
const serverOnly: { create: FieldAccess; update: FieldAccess } = { create: () => false, update: () => false }

const RECEIVER_ROLES = [
  { value: 'public', label: { es: 'Público (lo que ve cualquier visitante)', en: 'Public (what any visitor sees)' } },
  { value: 'sales', label: { es: 'Ventas', en: 'Sales' } },
  { value: 'editor', label: { es: 'Editor', en: 'Editor' } },
]

const MAX_URL_LENGTH = 2000

// Replaces Payload's required/maxLength checks, so it makes them itself.
const validateReceiverUrl: TextFieldSingleValidation = async (value, { operation, previousValue, req }) => {
  if (typeof value !== 'string' || !value.trim()) return say(req, { es: 'Escriba la URL que recibirá los avisos.', en: 'Type the URL that will receive the events.' })
  // An unchanged URL is checked again before each delivery; checking it here too would let a receiver whose
  // name stopped resolving block every other save, the delivery side's switch-off included.
  if (operation === 'update' && value === previousValue) return true
  if (value.length > MAX_URL_LENGTH) return say(req, { es: `La URL no puede pasar de ${MAX_URL_LENGTH} caracteres.`, en: `The URL cannot be longer than ${MAX_URL_LENGTH} characters.` })
  const check = await checkReceiverUrl(value, receiverUrlOptions(req.payload))
  return check.ok ? true : say(req, { es: `La URL ${check.message.es}.`, en: `The URL ${check.message.en}.` })
}

export const webhookFields: Field[] = [
  { name: 'name', type: 'text', required: true, maxLength: 120, label: { es: 'Nombre', en: 'Name' } },
  {
    name: 'url',
    type: 'text',
    required: true,
    label: { es: 'URL de destino', en: 'Receiver URL' },
    validate: validateReceiverUrl,
    admin: { description: { es: 'En producción, https y una dirección pública (docs/webhooks.md).', en: 'In production, https and a public address (docs/webhooks.md).' } },
  },
  {
    name: 'events',
    type: 'select',
    hasMany: true,
    required: true,
    label: { es: 'Eventos', en: 'Events' },
    options: WEBHOOK_EVENTS.map((value) => ({ value, label: WEBHOOK_EVENT_LABELS[value] })),
  },
  { name: 'active', type: 'checkbox', defaultValue: true, index: true, label: { es: 'Activo', en: 'Active' } },
  {
    name: 'receiverRole',
    type: 'select',
    required: true,
    defaultValue: 'public',
    label: { es: 'El receptor ve como', en: 'The receiver sees as' },
    options: RECEIVER_ROLES,
    admin: {
      description: {
        es: 'Cada envío lleva solo los campos que este rol puede leer.',
        en: 'Each delivery carries only the fields this role may read.',
      },
    },
  },
  {
    name: 'failureLimit',
    type: 'number',
    required: true,
    defaultValue: 10,
    min: 1,
    max: 100,
    label: { es: 'Fallos seguidos antes de desactivarlo', en: 'Consecutive failures before switching off' },
  },
  {
    name: 'signingSecretPanel',
    type: 'ui',
    label: { es: 'Secreto de firma', en: 'Signing secret' },
    admin: { components: { Field: '/src/collections/Webhooks/components/SigningSecretField#SigningSecretField' } },
  },
  // Sealed with a key derived from PAYLOAD_SECRET (src/webhooks/secret.ts); never returned by any API, the admin or the audit log.
  // Hidden fields stay in Payload's GraphQL schema (answering null): `read: false` also refuses filtering on it.
  { name: 'signingSecret', type: 'text', hidden: true, access: { ...serverOnly, read: () => false } },
  // Named without a secret word (src/audit/secrets.ts drops those): the audit log then shows who made a new secret, and when.
  {
    name: 'rotatedAt',
    type: 'date',
    label: { es: 'Secreto generado el', en: 'Secret made at' },
    access: serverOnly,
    admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
  },
  {
    name: 'consecutiveFailures',
    type: 'number',
    defaultValue: 0,
    label: { es: 'Fallos seguidos', en: 'Consecutive failures' },
    access: serverOnly,
    admin: { readOnly: true, position: 'sidebar' },
  },
  {
    name: 'disabledAt',
    type: 'date',
    label: { es: 'Desactivado el', en: 'Switched off at' },
    access: serverOnly,
    admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
  },
  { name: 'disabledReason', type: 'text', label: { es: 'Motivo de la desactivación', en: 'Why it was switched off' }, access: serverOnly, admin: { readOnly: true, position: 'sidebar' } },
]
