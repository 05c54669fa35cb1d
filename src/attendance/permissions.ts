import type { PayloadRequest } from 'payload'

import { checkRole } from '../access/checkRole'
import { itemsTaughtBy, type TaughtItems } from '../access/itemsTaughtBy'
import type { ItemCollection } from '../enrollment/statuses'

/**
 * Who may read and mark attendance (docs/courses.md, "Asistencia"). Reading follows the participants
 * page: admins, editors and sales read every item's list. Marking follows its check-off: admins only
 * among the office roles. On top, the people who teach the item read and mark it: a course's
 * instructors, a session's own instructor, a webinar's speakers.
 */
const READS_ALL = ['admin', 'editor', 'sales'] as const
const MARKS_ALL = ['admin'] as const

const idOf = (value: unknown): number | null => {
  const raw = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : value
  const id = Number(raw)
  return raw == null || raw === '' || !Number.isSafeInteger(id) ? null : id
}

async function speakerIdsOf(req: PayloadRequest, userId: number | string): Promise<number[]> {
  const { docs } = await req.payload.find({ collection: 'speakers', where: { user: { equals: userId } }, select: {}, depth: 0, pagination: false, overrideAccess: true, req })
  return docs.map((speaker) => speaker.id as number)
}

type Teaching = { wholeItem: boolean; sessionIds: string[] }

/** What the caller teaches of this one item: all of it (instructor/speaker) or some of its sessions. */
async function teachingOf(req: PayloadRequest, collection: ItemCollection, itemId: number): Promise<Teaching> {
  const none = { wholeItem: false, sessionIds: [] }
  if (!req.user || !checkRole(['instructor'], req.user)) return none
  const speakerIds = await speakerIdsOf(req, req.user.id)
  if (!speakerIds.length) return none
  const select = collection === 'webinars' ? { speakers: true } : { instructors: true, modules: { sessions: { id: true, instructor: true } } }
  const doc = (await req.payload.findByID({ collection, id: itemId, select: select as never, depth: 0, overrideAccess: true, disableErrors: true, trash: true, req })) as Record<string, any> | null
  if (!doc) return none
  const staff: unknown[] = (collection === 'webinars' ? doc.speakers : doc.instructors) ?? []
  const wholeItem = staff.some((speaker) => speakerIds.includes(idOf(speaker) ?? -1))
  const sessionIds: string[] = []
  for (const module of doc.modules ?? []) {
    for (const session of module?.sessions ?? []) {
      if (session?.id && speakerIds.includes(idOf(session.instructor) ?? -1)) sessionIds.push(String(session.id))
    }
  }
  return { wholeItem, sessionIds }
}

/** Admins, editors, sales, and whoever teaches the item or one of its sessions. */
export async function canReadAttendance(req: PayloadRequest, collection: ItemCollection, itemId: number): Promise<boolean> {
  if (!req.user) return false
  if (checkRole([...READS_ALL], req.user)) return true
  const teaching = await teachingOf(req, collection, itemId)
  return teaching.wholeItem || teaching.sessionIds.length > 0
}

/** Admins, the item's instructors/speakers, and a session's own instructor for that session (any of theirs without `sessionId`). */
export async function canMarkAttendance(req: PayloadRequest, collection: ItemCollection, itemId: number, sessionId?: string | null): Promise<boolean> {
  if (!req.user) return false
  if (checkRole([...MARKS_ALL], req.user)) return true
  const teaching = await teachingOf(req, collection, itemId)
  if (teaching.wholeItem) return true
  return sessionId ? teaching.sessionIds.includes(sessionId) : teaching.sessionIds.length > 0
}

/** Every item whose attendance an instructor reads: what they teach plus the courses where they teach a session. */
export async function itemsWithAttendanceOf(req: PayloadRequest, userId: number | string): Promise<TaughtItems> {
  const [taught, speakerIds] = await Promise.all([itemsTaughtBy(req, userId), speakerIdsOf(req, userId)])
  if (!speakerIds.length) return taught
  const { docs } = await req.payload.find({
    collection: 'courses',
    where: { 'modules.sessions.instructor': { in: speakerIds } },
    select: {},
    depth: 0,
    pagination: false,
    overrideAccess: true,
    trash: true,
    req,
  })
  return { webinars: taught.webinars, courses: [...new Set([...taught.courses, ...docs.map((doc) => doc.id as number)])] }
}
