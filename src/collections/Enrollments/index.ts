import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../access'
import { readEnrollments, updateEnrollments } from './access'
import { exportCsvListComponents } from '../../components/exportCsvButtonConfig'
import { exportCsvEndpoint } from '../../endpoints/exportCsv'
import { cancelEndpoint } from './endpoints/cancel'
import { enrollmentFields } from './fields'
import { applySeatRules } from './hooks/applySeatRules'
import { checkFeedback } from './hooks/checkFeedback'
import { promoteFreedSeat } from './hooks/promoteFreedSeat'

export const Enrollments: CollectionConfig = {
  slug: 'enrollments',
  labels: {
    singular: { es: 'Inscripción', en: 'Enrollment' },
    plural: { es: 'Inscripciones', en: 'Enrollments' },
  },
  admin: {
    group: { es: 'Inscripciones', en: 'Enrollments' },
    defaultColumns: ['user', 'item', 'status', 'paymentStatus', 'attended', 'createdAt'],
    listSearchableFields: ['id'],
    components: exportCsvListComponents('enrollments'),
  },
  access: {
    read: readEnrollments,
    // The website registers people through /api/webinars/:id/register and /api/courses/:id/enroll;
    // adding someone by hand in the admin is an admin's job.
    create: isAdmin,
    update: updateEnrollments,
    delete: isAdmin,
  },
  hooks: {
    beforeChange: [checkFeedback, applySeatRules],
    afterChange: [promoteFreedSeat],
  },
  endpoints: [cancelEndpoint, exportCsvEndpoint('enrollments')],
  fields: enrollmentFields,
  timestamps: true,
  // The waitlist is read oldest-first per status on every freed seat.
  indexes: [{ fields: ['status', 'createdAt'] }],
}
