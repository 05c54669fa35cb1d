import { APIError, type CollectionBeforeChangeHook } from 'payload'

import { checkRole } from '../../../access'
import { idOf } from '../../../crm/ids'
import { say } from '../../../i18n/say'

/**
 * Sales may take an unassigned lead (assign it to themselves) and nothing more: moving a lead to a
 * colleague or dropping it is an admin's call. A refused change is a 403, not a silent no-op, so
 * the admin shows why the save failed.
 */
export const guardAssignment: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => {
  const { user } = req
  if (!user || checkRole(['admin'], user) || !checkRole(['sales'], user)) return data
  const before = operation === 'update' ? idOf(originalDoc?.assignedTo) : null
  const after = idOf(data.assignedTo)
  if (before === after) return data
  if (before === null && after === user.id) return data
  throw new APIError(
    say(req, {
      es: 'Ventas solo puede tomar un prospecto sin asignar para sí; pide a un administrador que lo reasigne.',
      en: 'Sales can only take an unassigned lead for themselves; ask an admin to reassign it.',
    }),
    403,
    undefined,
    true,
  )
}
