import type { PayloadRequest } from 'payload'

import type { CourseSession } from '../courses/sessions'
import type { ItemCollection } from '../enrollment/statuses'
import { findItem } from '../participants/listParticipants'
import { attendanceTarget } from './record'
import type { AttendanceSource } from './types'

export interface RosterRow {
  enrollmentId: number
  userId: number
  name: string
  email: string
  /** `null` while nothing is recorded for this person and session. */
  present: boolean | null
  minutesAttended: number | null
  source: AttendanceSource | null
  recordedAt: string | null
  recordedBy: number | null
}

export interface Roster {
  item: { collection: ItemCollection; id: number; title: string; timezone: string }
  session: CourseSession | null
  rows: RosterRow[]
}

const relId = (value: unknown) => (typeof value === 'object' && value !== null ? (value as { id: number }).id : (value as number))

/** The item's confirmed people (oldest registration first) with what is recorded for one session. Access is the caller's to check. */
export async function rosterOf(req: PayloadRequest, collection: ItemCollection, itemId: number, sessionId: string | null): Promise<Roster> {
  const target = await attendanceTarget(req, collection, itemId, sessionId)
  const item = await findItem(req, collection, itemId)
  const { docs: enrollments } = await req.payload.find({
    collection: 'enrollments',
    where: { and: [{ 'item.relationTo': { equals: collection } }, { 'item.value': { equals: itemId } }, { status: { equals: 'confirmed' } }] },
    select: { user: true, createdAt: true },
    sort: 'createdAt',
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const userIds = [...new Set(enrollments.map((doc) => relId(doc.user)))]
  const enrollmentIds = enrollments.map((doc) => doc.id as number)
  const [{ docs: users }, { docs: rows }] = await Promise.all([
    userIds.length
      ? req.payload.find({ collection: 'users', where: { id: { in: userIds } }, select: { firstName: true, lastName: true, email: true }, depth: 0, pagination: false, overrideAccess: true, req })
      : Promise.resolve({ docs: [] as Record<string, unknown>[] }),
    enrollmentIds.length
      ? req.payload.find({
          collection: 'attendance',
          where: { and: [{ enrollment: { in: enrollmentIds } }, sessionId ? { sessionId: { equals: sessionId } } : { sessionId: { exists: false } }] },
          depth: 0,
          pagination: false,
          overrideAccess: true,
          req,
        })
      : Promise.resolve({ docs: [] as Record<string, unknown>[] }),
  ])
  const userById = new Map(users.map((user) => [user.id as number, user as Record<string, unknown>]))
  const rowOf = new Map(rows.map((row) => [relId(row.enrollment), row as Record<string, any>]))
  return {
    item: { collection, id: itemId, title: item.title, timezone: item.timezone },
    session: target.sessions.find((session) => session.id === sessionId) ?? null,
    rows: enrollments.map((doc) => {
      const user = userById.get(relId(doc.user)) ?? {}
      const row = rowOf.get(doc.id as number)
      return {
        enrollmentId: doc.id as number,
        userId: relId(doc.user),
        name: [user.firstName, user.lastName].filter(Boolean).join(' '),
        email: String(user.email ?? ''),
        present: row ? Boolean(row.present) : null,
        minutesAttended: row?.minutesAttended ?? null,
        source: row?.source ?? null,
        recordedAt: row?.recordedAt ?? null,
        recordedBy: row?.recordedBy == null ? null : relId(row.recordedBy),
      }
    }),
  }
}
