import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../access'
import { attendedThroughRecords } from '../../attendance/hooks/attendedThroughRecords'
import { readEnrollments, updateEnrollments } from './access'
import { exportCsvListComponents } from '../../components/exportCsvButtonConfig'
import { exportCsvEndpoint } from '../../endpoints/exportCsv'
import { foldSearchQuery } from '../../hooks/foldSearchQuery'
import { recountRatingOfDeletedEnrollment } from '../../feedback/hooks'
import { cancelEndpoint } from './endpoints/cancel'
import { cancelLinkEndpoints } from './endpoints/cancelLink'
import { feedbackEndpoints } from './endpoints/feedback'
import { payLinkEndpoint } from './endpoints/payLink'
import { recordPaymentEndpoint } from './endpoints/recordPayment'
import { onlyBulkEditable } from './bulkEdit'
import { enrollmentFields } from './fields'
import { applySeatRules } from './hooks/applySeatRules'
import { holdPromotedSeat } from './hooks/holdPromotedSeat'
import { promoteFreedSeat } from './hooks/promoteFreedSeat'
import { queueStatusEmail } from './hooks/queueStatusEmail'

export const Enrollments: CollectionConfig = {
  slug: 'enrollments',
  labels: {
    singular: { es: 'Inscripción', en: 'Enrollment' },
    plural: { es: 'Inscripciones', en: 'Enrollments' },
  },
  admin: {
    group: { es: 'Inscripciones', en: 'Enrollments' },
    defaultColumns: ['user', 'item', 'status', 'paymentStatus', 'attended', 'createdAt'],
    // By the person's name, email or company (src/people/personSearch.ts).
    listSearchableFields: ['searchText'],
    components: {
      ...exportCsvListComponents('enrollments'),
      // Admins issue a certificate by hand from a confirmed enrollment (src/certificates).
      edit: { beforeDocumentControls: ['/src/components/certificates/IssueCertificateButton#IssueCertificateButton'] },
    },
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
    beforeOperation: [foldSearchQuery],
    beforeChange: [applySeatRules, attendedThroughRecords],
    // holdPromotedSeat: payments (a promoted waitlisted person gets a payment hold and a Checkout Session).
    // The hold first: the promoted person's email carries its pay link and deadline.
    afterChange: [holdPromotedSeat, queueStatusEmail, promoteFreedSeat],
    afterDelete: [recountRatingOfDeletedEnrollment],
  },
  endpoints: [cancelEndpoint, ...cancelLinkEndpoints, ...feedbackEndpoints, payLinkEndpoint, recordPaymentEndpoint, exportCsvEndpoint('enrollments')],
  // Bulk edit offers attendance and the staff note only (bulkEdit.ts).
  fields: onlyBulkEditable(enrollmentFields),
  timestamps: true,
  // The waitlist is read oldest-first per status on every freed seat.
  indexes: [{ fields: ['status', 'createdAt'] }],
}
