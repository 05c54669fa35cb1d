import type { CollectionConfig } from 'payload'

import { isContentEditor, isStaff, publishedOrStaff } from '../../access'
import { refuseNumbersWrittenAsText } from '../../fields/numbersWrittenAsText'
import { foldSearchQuery } from '../../hooks/foldSearchQuery'
import { guardCapacity } from '../../enrollment/hooks/guardCapacity'
import { promoteOnCapacityRaise } from '../../enrollment/hooks/promoteOnCapacityRaise'
import { cachePublicCatalogReads } from '../../hooks/cachePublicCatalogReads'
import { catalogGroup } from '../catalogGroup'
import { participantsEndpoint } from '../Enrollments/endpoints/participants'
import { participantsDocumentView } from '../../components/participants/viewConfig'
import { participantsEndpoints } from '../../participants/endpoints'
import { registerEndpoint } from '../Enrollments/endpoints/register'
import { courseFields } from './fields'
import { duplicateCourseEndpoint } from './endpoints/duplicate'
import { deriveFromModules } from './hooks/deriveFromModules'
import { COURSE_PUBLIC_STATUSES } from './statuses'

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
      edit: { beforeDocumentControls: ['/src/components/courses/DuplicateCourseButton#DuplicateCourseButton'] },
      // The participants page (src/participants): a tab beside the edit view.
      views: { edit: { participants: participantsDocumentView } },
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
    beforeChange: [deriveFromModules, guardCapacity],
    afterChange: [promoteOnCapacityRaise],
  },
  // A course's copy is a new run with its dates moved (docs/admin.md "Cursos"), not Payload's field-by-field duplicate.
  disableDuplicate: true,
  endpoints: [registerEndpoint('courses'), participantsEndpoint('courses'), duplicateCourseEndpoint, ...participantsEndpoints('courses')],
  fields: courseFields,
}
