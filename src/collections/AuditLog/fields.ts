import type { Field } from 'payload'

import { ACTOR_KINDS, AUDIT_ACTIONS } from '../../audit/types'
import { ACTION_LABELS, ACTOR_KIND_LABELS } from './labels'

// Every field is read-only in the admin: entries are written by recordAudit (src/audit/record.ts) only.
const readOnly = { readOnly: true } as const

export const auditLogFields: Field[] = [
  {
    name: 'action',
    type: 'select',
    required: true,
    index: true,
    label: { es: 'Acción', en: 'Action' },
    options: AUDIT_ACTIONS.map((value) => ({ value, label: ACTION_LABELS[value] })),
    admin: readOnly,
  },
  {
    name: 'actorKind',
    type: 'select',
    required: true,
    label: { es: 'Tipo de autor', en: 'Actor kind' },
    options: ACTOR_KINDS.map((value) => ({ value, label: ACTOR_KIND_LABELS[value] })),
    admin: readOnly,
  },
  { name: 'actor', type: 'relationship', relationTo: 'users', index: true, label: { es: 'Quién', en: 'Who' }, admin: readOnly },
  {
    name: 'actorLabel',
    type: 'text',
    maxLength: 200,
    label: { es: 'Detalle del autor', en: 'Actor detail' },
    admin: { ...readOnly, description: { es: 'La tarea programada que hizo el cambio (p. ej. worker:processStripeEvent), o el correo de la cuenta en un inicio de sesión fallido.', en: 'The background job that made the change (e.g. worker:processStripeEvent), or the account’s email on a failed login.' } },
  },
  { name: 'collectionSlug', type: 'text', required: true, maxLength: 64, label: { es: 'Colección', en: 'Collection' }, admin: readOnly },
  { name: 'documentId', type: 'text', maxLength: 64, label: { es: 'Documento', en: 'Document' }, admin: readOnly },
  {
    name: 'person',
    type: 'relationship',
    relationTo: 'users',
    index: true,
    label: { es: 'Persona afectada', en: 'Person concerned' },
    admin: readOnly,
  },
  {
    name: 'changes',
    type: 'json',
    label: { es: 'Cambios', en: 'Changes' },
    admin: { ...readOnly, description: { es: 'Cada campo cambiado con su valor anterior (from) y nuevo (to). Las contraseñas y claves nunca se guardan.', en: 'Each changed field with its old (from) and new (to) value. Passwords and keys are never stored.' } },
  },
  { name: 'ip', type: 'text', maxLength: 100, label: { es: 'Dirección IP', en: 'IP address' }, admin: readOnly },
  { name: 'userAgent', type: 'text', maxLength: 500, label: { es: 'Navegador', en: 'User agent' }, admin: readOnly },
]
