import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../access'

/** Webhooks say where Aula sends data about people and money: only admins see or change them, reads included. */
export const webhookAccess: CollectionConfig['access'] = { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin }
