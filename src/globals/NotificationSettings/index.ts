import type { GlobalConfig } from 'payload'

import { isAdmin } from '../../access'
import { ROLES } from '../../access/roles'
import { roleLabels } from '../../collections/Users/roleLabels'
import { DEFAULT_ROLES_FOR_KIND, KIND_LABELS, NOTIFICATION_KINDS } from '../../notifications/kinds'

/** Which roles receive each kind of notification (src/notifications/settings.ts reads it). Admins only. */
export const NotificationSettings: GlobalConfig = {
  slug: 'notification-settings',
  label: { es: 'Notificaciones', en: 'Notifications' },
  admin: {
    group: { es: 'Configuración', en: 'Settings' },
    description: {
      es: 'Qué roles reciben cada tipo de notificación. Cada persona puede silenciar tipos en su propia cuenta.',
      en: 'Which roles receive each kind of notification. Each person can mute kinds on their own account.',
    },
  },
  access: { read: isAdmin, update: isAdmin },
  fields: NOTIFICATION_KINDS.map((kind) => ({
    name: kind,
    type: 'select' as const,
    hasMany: true,
    label: KIND_LABELS[kind],
    defaultValue: DEFAULT_ROLES_FOR_KIND[kind],
    options: ROLES.map((role) => ({ value: role, label: roleLabels[role] })),
  })),
}
