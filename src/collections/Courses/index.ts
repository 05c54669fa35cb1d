import type { CollectionConfig } from 'payload'

import { isContentEditor, isStaff, publishedOrStaff } from '../../access'
import { attendanceEndpoints } from '../../attendance/endpoints'
import { recomputeOnCourseChange } from '../../attendance/hooks/recomputeOnCourseChange'
import { cancellationEndpoints } from '../../cancellation/endpoints'
import { queueEnrollmentCancellation } from '../../cancellation/hooks/queueEnrollmentCancellation'
import { refuseUnconfirmedCancellation } from '../../cancellation/hooks/refuseUnconfirmedCancellation'
import { refuseNumbersWrittenAsText } from '../../fields/numbersWrittenAsText'
import { foldSearchQuery } from '../../hooks/foldSearchQuery'
import { guardCapacity } from '../../enrollment/hooks/guardCapacity'
import { promoteOnCapacityRaise } from '../../enrollment/hooks/promoteOnCapacityRaise'
import { cachePublicCatalogReads } from '../../hooks/cachePublicCatalogReads'
import { debounceScheduleNotice, rememberNotifiedSessions } from '../../courses/notify/hooks'
import { catalogGroup } from '../catalogGroup'
import { participantsEndpoint } from '../Enrollments/endpoints/participants'
import { participantsDocumentView } from '../../components/participants/viewConfig'
import { attendanceDocumentView } from '../../components/attendance/viewConfig'
import { attendanceImportEndpoints } from '../../attendance/import/endpoints'
import { checkInEndpoints } from '../../attendance/checkIn/endpoints'
import { participantsEndpoints } from '../../participants/endpoints'
import { registerEndpoint } from '../Enrollments/endpoints/register'
import { priceQuoteEndpoint } from '../Coupons/endpoints/priceQuote'
import { followUpEndpoints } from '../../followUps/endpoints'
import { scheduleFollowUp } from '../../followUps/hooks/scheduleFollowUp'
import { courseFields } from './fields'
import { duplicateCourseEndpoint } from './endpoints/duplicate'
import { checkSchedule } from './hooks/checkSchedule'
import { deriveFromModules } from './hooks/deriveFromModules'
import { followSessions } from './hooks/followSessions'
import { COURSE_PUBLIC_STATUSES } from './statuses'
import { recountRatingAfterItemSave } from '../../feedback/hooks'
import { replanOnItemRulesOff } from '../../automation/rules/replanOnItemRulesOff'
import { itemEmailPlanEndpoint } from '../../automation/rules/timelineEndpoints'

export const Courses: CollectionConfig = {
  slug: 'courses',
  labels: {
    singular: { es: 'Curso', en: 'Course' },
    plural: { es: 'Cursos', en: 'Courses' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'courseCode', 'status', 'startDate', 'seatsLeft', 'currentPrice'],
    listSearchableFields: ['title', 'courseCode', 'searchText'],
    group: catalogGroup,
    components: {
      edit: { beforeDocumentControls: ['/src/components/courses/DuplicateCourseButton#DuplicateCourseButton', '/src/components/cancellation/CancelItemButton#CancelItemButton'] },
      // The participants page (src/participants): a tab beside the edit view.
      views: { edit: { participants: participantsDocumentView, attendance: attendanceDocumentView } },
    },
  },
  access: {
    read: publishedOrStaff(COURSE_PUBLIC_STATUSES),
    readVersions: isStaff,
    create: isContentEditor,
    update: isContentEditor,
    delete: isContentEditor,
  },
  // The computed seatsLeft and currentPrice read these columns, so a narrow `select` must still load them.
  forceSelect: { capacity: true, seatsTaken: true, regularPrice: true, earlyBirdPrice: true, earlyBirdDeadline: true },
  versions: { maxPerDoc: 50 },
  trash: true,
  indexes: [{ fields: ['status', 'startDate'] }],
  hooks: {
    afterOperation: [cachePublicCatalogReads],
    // `"price": "12abc"` is refused, not stored as 12 (Payload reads number fields with parseFloat).
    beforeOperation: [foldSearchQuery, refuseNumbersWrittenAsText],
    beforeChange: [deriveFromModules, checkSchedule, followSessions, guardCapacity, refuseUnconfirmedCancellation, rememberNotifiedSessions, scheduleFollowUp('courses')],
    afterChange: [promoteOnCapacityRaise, queueEnrollmentCancellation, recomputeOnCourseChange, debounceScheduleNotice, recountRatingAfterItemSave('courses'), replanOnItemRulesOff('courses')],
  },
  // A course's copy is a new run with its dates moved (docs/admin.md "Cursos"), not Payload's field-by-field duplicate.
  disableDuplicate: true,
  endpoints: [registerEndpoint('courses'), priceQuoteEndpoint('courses'), participantsEndpoint('courses'), duplicateCourseEndpoint, ...participantsEndpoints('courses'), ...cancellationEndpoints('courses'), ...attendanceEndpoints('courses'), ...attendanceImportEndpoints('courses'), ...checkInEndpoints('courses'), ...followUpEndpoints('courses'), itemEmailPlanEndpoint('courses')],
  fields: courseFields,
}
