import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../access'
import { readAttendance } from './access'
import { attendanceFields } from './fields'
import { checkDirectWrite, recomputeAfterDelete, recomputeAfterDirectWrite } from './hooks/keepCompletionInStep'

/**
 * Who came to each session (src/attendance; docs/decisions/0010-attendance-records.md). Staff and
 * instructors mark through the roster, the API endpoints, imports and check-in codes, which check
 * who may mark; writing rows through Payload's own API is an admin's correction.
 */
export const Attendance: CollectionConfig = {
  slug: 'attendance',
  labels: {
    singular: { es: 'Asistencia', en: 'Attendance' },
    plural: { es: 'Asistencias', en: 'Attendance' },
  },
  admin: {
    group: { es: 'Inscripciones', en: 'Enrollments' },
    defaultColumns: ['enrollment', 'item', 'sessionId', 'present', 'minutesAttended', 'source', 'recordedAt'],
  },
  access: {
    read: readAttendance,
    create: isAdmin,
    update: isAdmin,
    delete: isAdmin,
  },
  hooks: {
    beforeChange: [checkDirectWrite],
    afterChange: [recomputeAfterDirectWrite],
    afterDelete: [recomputeAfterDelete],
  },
  fields: attendanceFields,
  timestamps: true,
  // A session's roster, and an item's rows for completion and the show rate.
  indexes: [{ fields: ['enrollment', 'sessionId'] }],
}
