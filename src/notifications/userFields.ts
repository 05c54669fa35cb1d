import type { Field, FieldAccess } from 'payload'

import { checkRole } from '../access/checkRole'
import { KIND_OPTIONS } from './kinds'

/** A person's mutes are their own business: they and admins see and change them, no other staff. */
const selfOrAdmin: FieldAccess = ({ req: { user }, id, doc }) => {
  if (!user) return false
  if (checkRole(['admin'], user)) return true
  const target = id ?? (doc as { id?: unknown } | undefined)?.id
  return target !== undefined && String(target) === String(user.id)
}

/** "Mis notificaciones": kinds this user does not want (src/notifications/notify.ts skips them). */
export const mutedNotificationsField: Field = {
  name: 'mutedNotifications',
  type: 'select',
  hasMany: true,
  label: { es: 'Notificaciones silenciadas', en: 'Muted notifications' },
  options: KIND_OPTIONS,
  access: { read: selfOrAdmin, create: selfOrAdmin, update: selfOrAdmin },
  admin: {
    position: 'sidebar',
    description: {
      es: 'Tipos de notificación que no quiere recibir en la campana.',
      en: 'Kinds of notification you do not want in the bell.',
    },
  },
}
