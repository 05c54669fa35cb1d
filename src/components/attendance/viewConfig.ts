import type { DocumentViewConfig } from 'payload'

import { checkRole } from '../../access/checkRole'

/**
 * The "Asistencia" tab on a course's or webinar's edit view (…/collections/courses/7/attendance): pass
 * the roster in class, import the meeting report, show the check-in code. Plain data, imported by the
 * collection configs; the components are referenced by path. The tab itself asks, per item, whether
 * the person may read its attendance (AttendanceTab); the condition only keeps it off for roles that never can.
 */
export const attendanceDocumentView: DocumentViewConfig = {
  Component: '/src/components/attendance/AttendanceView#AttendanceView',
  path: '/attendance',
  tab: {
    Component: '/src/components/attendance/AttendanceTab#AttendanceTab',
    condition: ({ req }) => checkRole(['admin', 'editor', 'sales', 'instructor'], req.user),
    order: 160,
  },
}

export const attendancePath = (adminRoute: string, collection: string, id: number | string) => `${adminRoute}/collections/${collection}/${id}/attendance`
