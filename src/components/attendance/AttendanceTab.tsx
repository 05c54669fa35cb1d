import type { DocumentTabServerProps } from 'payload'

import { canReadAttendance } from '../../attendance/permissions'
import { parseDocumentId } from '../../utilities/documentId'
import { AttendanceTabButton } from './AttendanceTabButton'

/**
 * Shown only to people who may read this item's attendance (staff, and instructors of THIS course or
 * webinar, src/attendance/permissions.ts). Payload gives tabs the page's request, not the document:
 * the id comes from the page's address (…/collections/courses/7[/…]).
 */
export async function AttendanceTab({ req, collectionConfig }: DocumentTabServerProps) {
  const collection = collectionConfig?.slug
  if (collection !== 'courses' && collection !== 'webinars') return null
  const match = new RegExp(`/collections/${collection}/([^/?#]+)`).exec(req.url ?? '')
  const id = parseDocumentId(match?.[1])
  if (id === null || !(await canReadAttendance(req, collection, id))) return null
  return <AttendanceTabButton />
}
