import type { RelationshipField } from 'payload'

import { isStaffField } from '../access'

/**
 * Payload's versions record when a document changed but not who changed it; stamping the editor
 * on every save puts the "who" into each version snapshot, so the history view shows it.
 */
export const lastEditedByField: RelationshipField = {
  name: 'lastEditedBy',
  type: 'relationship',
  relationTo: 'users',
  label: { es: 'Última edición por', en: 'Last edited by' },
  access: { read: isStaffField, create: () => false, update: () => false },
  admin: { position: 'sidebar', readOnly: true },
  hooks: { beforeChange: [({ req, value }) => (req.user?.collection === 'users' ? req.user.id : value)] },
}
