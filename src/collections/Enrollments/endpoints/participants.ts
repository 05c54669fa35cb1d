import { APIError, type Endpoint } from 'payload'

import { checkRole } from '../../../access'
import { itemsTaughtBy } from '../../../access/itemsTaughtBy'
import { attendanceSummary } from '../../../attendance/summary'
import { routeId } from '../../../endpoints/routeId'
import { parseFilters } from '../../../participants/filters'
import type { ItemCollection } from '../../../enrollment/statuses'
import { toCsv } from '../../../utilities/csv'

const COLUMNS = ['name', 'email', 'phone', 'company', 'status', 'registeredAt', 'attended', 'sessionsAttended', 'sessionsTotal', 'completionPercentage'] as const
/** With `?session=<id>`: that session's record too. */
const SESSION_COLUMNS = ['present', 'minutesAttended'] as const

/**
 * `GET /api/webinars/:id/attendees` and `GET /api/courses/:id/students`: the participant list for
 * staff and for the item's own speakers or instructors. JSON by default, `?format=csv` for a sheet.
 * Attendance comes from the attendance rows: sessions attended of the total and completion per person,
 * and with `?session=<course session id>` that session's present/absent (empty = not recorded) and minutes.
 */
export const participantsEndpoint = (collection: ItemCollection): Endpoint => ({
  path: collection === 'webinars' ? '/:id/attendees' : '/:id/students',
  method: 'get',
  handler: async (req) => {
    if (!req.user) throw new APIError('Log in to see participants.', 401, undefined, true)
    const id = routeId(req)
    const item = await req.payload.findByID({ collection, id, depth: 0, overrideAccess: true, disableErrors: true, select: { title: true } as never })
    if (!item) throw new APIError('Not Found', 404, undefined, true)
    if (!checkRole(['admin', 'editor', 'sales'], req.user)) {
      const taught = checkRole(['instructor'], req.user) ? await itemsTaughtBy(req, req.user.id) : { webinars: [], courses: [] }
      if (!taught[collection].includes(id)) throw new APIError('You do not present or teach this item.', 403, undefined, true)
    }
    const { session } = parseFilters({ session: (req.query as Record<string, unknown>)?.session }, req)
    const summary = await attendanceSummary(req, collection, id, session)
    const sessionsTotal = collection === 'webinars' ? 1 : summary.sessions.length
    const { docs } = await req.payload.find({
      collection: 'enrollments',
      where: { and: [{ 'item.relationTo': { equals: collection } }, { 'item.value': { equals: id } }] },
      depth: 1,
      populate: { users: { firstName: true, lastName: true, email: true, phone: true, company: true } } as never,
      sort: 'createdAt',
      pagination: false,
      overrideAccess: true,
    })
    const rows = docs.map((enrollment) => {
      const user = (typeof enrollment.user === 'object' ? enrollment.user : {}) as Record<string, string | undefined>
      return {
        name: [user.firstName, user.lastName].filter(Boolean).join(' '),
        email: user.email ?? '',
        phone: user.phone ?? '',
        company: user.company ?? '',
        status: enrollment.status,
        registeredAt: enrollment.createdAt,
        attended: Boolean(enrollment.attended),
        sessionsAttended: summary.of(enrollment.id).sessionsAttended,
        sessionsTotal,
        completionPercentage: enrollment.completionPercentage ?? null,
        ...(session ? { present: summary.of(enrollment.id).session?.present ?? null, minutesAttended: summary.of(enrollment.id).session?.minutesAttended ?? null } : {}),
      }
    })
    if (new URL(req.url ?? 'http://x').searchParams.get('format') === 'csv') {
      const filename = `${collection === 'webinars' ? 'attendees' : 'students'}-${id}.csv`
      return new Response(toCsv(session ? [...COLUMNS, ...SESSION_COLUMNS] : COLUMNS, rows as never), {
        headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` },
      })
    }
    return Response.json({ item: { id, title: (item as { title?: string }).title }, totalDocs: rows.length, docs: rows })
  },
})
