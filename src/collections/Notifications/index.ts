import type { CollectionConfig } from 'payload'

import { nobody } from '../../access'
import { ownNotifications } from './access'
import { markAllReadEndpoint } from './endpoints/markAllRead'
import { notificationStreamEndpoint } from './endpoints/stream'
import { unreadCountEndpoint } from './endpoints/unreadCount'
import { notificationFields } from './fields'
import { allowOnlyReadAt } from './hooks/allowOnlyReadAt'

/**
 * The bell's notifications (docs/notifications.md). Created only by src/notifications/notify.ts inside the
 * change's transaction; each person reads, marks read and deletes their own, admins included.
 */
export const Notifications: CollectionConfig = {
  slug: 'notifications',
  labels: {
    singular: { es: 'Notificación', en: 'Notification' },
    plural: { es: 'Notificaciones', en: 'Notifications' },
  },
  admin: {
    useAsTitle: 'title',
    group: { es: 'Cuenta', en: 'Account' },
    defaultColumns: ['title', 'kind', 'createdAt', 'readAt'],
    description: { es: 'Sus notificaciones. Solo usted las ve.', en: 'Your notifications. Only you can see them.' },
  },
  access: { read: ownNotifications, create: nobody, update: ownNotifications, delete: ownNotifications },
  hooks: { beforeValidate: [allowOnlyReadAt] },
  endpoints: [unreadCountEndpoint, markAllReadEndpoint, notificationStreamEndpoint],
  // The stream and Last-Event-ID catch-up read "this person's, after id N"; the bell counts unread ones.
  indexes: [{ fields: ['recipient', 'dedupeKey'], unique: true }, { fields: ['recipient', 'readAt'] }],
  fields: notificationFields,
  timestamps: true,
}
