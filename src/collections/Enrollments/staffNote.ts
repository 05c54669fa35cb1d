import type { Field, FieldAccess } from 'payload'

import { checkRole } from '../../access'
import { teacherOfItemOrAdmin } from '../../access/enrollmentFieldRules'

/** Staff who read every enrollment read the note; an instructor reads it on their own items' participants only. */
const staffOfThisEnrollment: FieldAccess = async (args) =>
  checkRole(['editor', 'sales'], args.req.user) || Boolean(await teacherOfItemOrAdmin(args))

/**
 * An internal note about one participant ("pidió factura", "llega tarde"), written like attendance:
 * by an admin or the item's instructor, one row or many at once in bulk edit. Never shown to the
 * participant, whose own enrollment answers leave it out.
 */
export const staffNoteField: Field = {
  name: 'staffNote',
  type: 'textarea',
  maxLength: 2000,
  label: { es: 'Nota interna del equipo', en: 'Staff note' },
  admin: {
    description: { es: 'Solo la ve el equipo; la persona inscrita no.', en: 'Only staff see it; the participant does not.' },
  },
  access: { read: staffOfThisEnrollment, create: teacherOfItemOrAdmin, update: teacherOfItemOrAdmin },
}
