import type { CollectionConfig } from 'payload'

import { isContentEditor, isStaff, publishedOrStaff } from '../../access'
import { cancellationEndpoints } from '../../cancellation/endpoints'
import { queueEnrollmentCancellation } from '../../cancellation/hooks/queueEnrollmentCancellation'
import { refuseUnconfirmedCancellation } from '../../cancellation/hooks/refuseUnconfirmedCancellation'
import { refuseNumbersWrittenAsText } from '../../fields/numbersWrittenAsText'
import { foldSearchQuery } from '../../hooks/foldSearchQuery'
import { guardCapacity } from '../../enrollment/hooks/guardCapacity'
import { bumpScheduleSequence, notifyScheduleChanges } from '../../enrollment/hooks/notifyScheduleChanges'
import { promoteOnCapacityRaise } from '../../enrollment/hooks/promoteOnCapacityRaise'
import { cachePublicCatalogReads } from '../../hooks/cachePublicCatalogReads'
import { catalogGroup } from '../catalogGroup'
import { participantsEndpoint } from '../Enrollments/endpoints/participants'
import { participantsDocumentView } from '../../components/participants/viewConfig'
import { attendanceDocumentView } from '../../components/attendance/viewConfig'
import { attendanceImportEndpoints } from '../../attendance/import/endpoints'
import { checkInEndpoints } from '../../attendance/checkIn/endpoints'
import { participantsEndpoints } from '../../participants/endpoints'
import { attendanceEndpoints } from '../../attendance/endpoints'
import { registerEndpoint } from '../Enrollments/endpoints/register'
import { priceQuoteEndpoint } from '../Coupons/endpoints/priceQuote'
import { followUpEndpoints } from '../../followUps/endpoints'
import { scheduleFollowUp } from '../../followUps/hooks/scheduleFollowUp'
import { webinarFields } from './fields'
import { syncTimezone } from './hooks/syncTimezone'
import { WEBINAR_PUBLIC_STATUSES } from './statuses'
import { recountRatingAfterItemSave } from '../../feedback/hooks'
import { replanOnItemRulesOff } from '../../automation/rules/replanOnItemRulesOff'
import { itemEmailPlanEndpoint } from '../../automation/rules/timelineEndpoints'

export const Webinars: CollectionConfig = {
  slug: 'webinars',
  labels: {
    singular: { es: 'Webinar', en: 'Webinar' },
    plural: { es: 'Webinars', en: 'Webinars' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'status', 'startsAt', 'seatsLeft', 'category'],
    listSearchableFields: ['title', 'slug', 'searchText'],
    group: catalogGroup,
    // The participants page (src/participants): a tab beside the edit view.
    components: {
      edit: { beforeDocumentControls: ['/src/components/cancellation/CancelItemButton#CancelItemButton'] },
      views: { edit: { participants: participantsDocumentView, attendance: attendanceDocumentView } },
    },
  },
  access: {
    read: publishedOrStaff(WEBINAR_PUBLIC_STATUSES),
    readVersions: isStaff,
    create: isContentEditor,
    update: isContentEditor,
    delete: isContentEditor,
  },
  // The computed seatsLeft and timezone read these columns, so a narrow `select` must still load them.
  forceSelect: { capacity: true, seatsTaken: true, startsAt_tz: true },
  versions: { maxPerDoc: 50 },
  trash: true,
  indexes: [{ fields: ['status', 'startsAt'] }],
  hooks: {
    afterOperation: [cachePublicCatalogReads],
    // `"price": "12abc"` is refused, not stored as 12 (Payload reads number fields with parseFloat).
    beforeOperation: [foldSearchQuery, refuseNumbersWrittenAsText],
    beforeValidate: [syncTimezone],
    beforeChange: [guardCapacity, bumpScheduleSequence, refuseUnconfirmedCancellation, scheduleFollowUp('webinars')],
    afterChange: [promoteOnCapacityRaise, notifyScheduleChanges, queueEnrollmentCancellation, recountRatingAfterItemSave('webinars'), replanOnItemRulesOff('webinars')],
  },
  endpoints: [registerEndpoint('webinars'), priceQuoteEndpoint('webinars'), participantsEndpoint('webinars'), ...participantsEndpoints('webinars'), ...cancellationEndpoints('webinars'), ...attendanceEndpoints('webinars'), ...attendanceImportEndpoints('webinars'), ...checkInEndpoints('webinars'), ...followUpEndpoints('webinars'), itemEmailPlanEndpoint('webinars')],
  fields: webinarFields,
}
