import { APIError, type PayloadRequest, ValidationError } from 'payload'

import { ITEM_COLLECTIONS, type ItemCollection } from '../enrollment/statuses'
import { inTransaction, sql, sqlFor } from '../enrollment/transaction'
import { say } from '../i18n/say'
import { getClock } from '../utilities/clock'
import { completionTargetOf, recomputeCompletion, type CompletionTarget } from './completion'
import { canMarkAttendance } from './permissions'
import { checkSource, isEnrollmentId, isMinutes, minutesMessage, parseMarks, type FieldError } from './validate'
import { attendanceKey, type AttendanceMark, type AttendanceSource, type RecordManyInput, type RecordManyResult, type RecordOptions } from './types'

/** Tells the attendance collection's own hooks that the service already did their work. */
export const ATTENDANCE_SERVICE_CONTEXT = 'attendanceService'

const relId = (value: unknown) => (typeof value === 'object' && value !== null ? (value as { id: number }).id : (value as number))

/** 401 without a caller; 403 for a caller who may not mark this item (or session). `overrideAccess` skips both. */
async function requireMarker(req: PayloadRequest, collection: ItemCollection, itemId: number, sessionId: string | null, options: RecordOptions) {
  if (options.overrideAccess) return
  if (!req.user) throw new APIError(say(req, { es: 'Inicia sesión para marcar asistencia.', en: 'Log in to mark attendance.' }), 401, undefined, true)
  if (!(await canMarkAttendance(req, collection, itemId, sessionId))) {
    throw new APIError(say(req, { es: 'Solo los administradores y los instructores de este curso o webinar marcan asistencia.', en: 'Only admins and instructors of this course or webinar mark attendance.' }), 403, undefined, true)
  }
}

/** The item (404 when it does not exist) and the session the marks are for: a course's dated session, none for a webinar. */
export async function attendanceTarget(req: PayloadRequest, collection: ItemCollection, itemId: number, sessionId: string | null): Promise<CompletionTarget> {
  const target = await completionTargetOf(req, collection, itemId)
  if (!target) throw new APIError('Not Found', 404, undefined, true)
  if (collection === 'webinars' && sessionId) {
    throw new ValidationError({ errors: [{ path: 'sessionId', message: say(req, { es: 'Un webinar no tiene sesiones: deja sessionId vacío.', en: 'A webinar has no sessions: leave sessionId empty.' }) }] })
  }
  if (collection === 'courses' && !target.sessions.some((session) => session.id === sessionId)) {
    throw new ValidationError({ errors: [{ path: 'sessionId', message: say(req, { es: 'Este curso no tiene una sesión con fecha con ese id.', en: 'This course has no dated session with that id.' }) }] })
  }
  if (collection === 'webinars') {
    const webinar = (await req.payload.findByID({ collection: 'webinars', id: itemId, depth: 0, overrideAccess: true, disableErrors: true, trash: true, req })) as { id: number } | null
    if (!webinar) throw new APIError('Not Found', 404, undefined, true)
  }
  return target
}

const normalizeSessionId = (value: unknown): string | null | undefined => (value === undefined || value === null || value === '' ? null : typeof value === 'string' && value.length <= 64 ? value : undefined)

type Resolved = { index: number; enrollmentId: number; userId: number; mark: AttendanceMark }

/**
 * Writes the marks for one item and session inside the caller's transaction: resolves ids and emails
 * among the item's enrollments (400 naming the mark when one is not this item's or not confirmed),
 * locks the enrollments so concurrent marks wait for each other, writes only what changed and
 * recomputes completion for those people.
 */
export async function writeMarks(
  req: PayloadRequest,
  target: CompletionTarget,
  sessionId: string | null,
  marks: AttendanceMark[],
  source: AttendanceSource,
  pathOf: (index: number, field?: string) => string,
): Promise<RecordManyResult & { rowIds: Map<number, number> }> {
  const { docs: enrollments } = await req.payload.find({
    collection: 'enrollments',
    where: { and: [{ 'item.relationTo': { equals: target.collection } }, { 'item.value': { equals: target.itemId } }] },
    select: { status: true, user: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const byId = new Map(enrollments.map((doc) => [doc.id as number, { status: doc.status, userId: relId(doc.user) }]))
  const confirmedByEmail = new Map<string, number>()
  if (marks.some((mark) => mark.email !== undefined)) {
    const confirmed = enrollments.filter((doc) => doc.status === 'confirmed')
    const userIds = [...new Set(confirmed.map((doc) => relId(doc.user)))]
    const { docs: users } = userIds.length
      ? await req.payload.find({ collection: 'users', where: { id: { in: userIds } }, select: { email: true }, depth: 0, pagination: false, overrideAccess: true, req })
      : { docs: [] }
    const emailOf = new Map(users.map((user) => [user.id as number, String(user.email ?? '').toLowerCase()]))
    for (const doc of confirmed) confirmedByEmail.set(emailOf.get(relId(doc.user)) ?? '', doc.id as number)
  }

  const errors: FieldError[] = []
  const unmatched: RecordManyResult['unmatched'] = []
  const resolved: Resolved[] = []
  const seen = new Set<number>()
  marks.forEach((mark, index) => {
    let enrollmentId: number | undefined
    if (mark.email !== undefined) {
      enrollmentId = confirmedByEmail.get(mark.email.toLowerCase())
      if (enrollmentId === undefined) return void unmatched.push({ index, email: mark.email })
    } else {
      enrollmentId = mark.enrollmentId!
      const enrollment = byId.get(enrollmentId)
      if (!enrollment) {
        return void errors.push({ path: pathOf(index, 'enrollmentId'), message: say(req, { es: `La inscripción ${enrollmentId} no es de este curso o webinar.`, en: `Enrollment ${enrollmentId} is not one of this item's.` }) })
      }
      if (enrollment.status !== 'confirmed') {
        return void errors.push({ path: pathOf(index, 'enrollmentId'), message: say(req, { es: `Solo se marca a personas confirmadas; la inscripción ${enrollmentId} no lo está.`, en: `Only confirmed participants are marked; enrollment ${enrollmentId} is not confirmed.` }) })
      }
    }
    if (seen.has(enrollmentId)) {
      return void errors.push({ path: pathOf(index), message: say(req, { es: 'Esta persona ya tiene una marca en esta lista.', en: 'This person already has a mark in this list.' }) })
    }
    seen.add(enrollmentId)
    resolved.push({ index, enrollmentId, userId: byId.get(enrollmentId)!.userId, mark })
  })
  if (errors.length) throw new ValidationError({ errors })
  const rowIds = new Map<number, number>()
  if (!resolved.length) return { recorded: 0, unchanged: 0, unmatched, rowIds }

  const ids = resolved.map((entry) => entry.enrollmentId).sort((a, b) => a - b)
  const db = await sqlFor(req)
  await db.execute(sql`SELECT id FROM enrollments WHERE id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) ORDER BY id FOR UPDATE`)
  const { docs: existing } = await req.payload.find({
    collection: 'attendance',
    where: { key: { in: resolved.map((entry) => attendanceKey(entry.enrollmentId, sessionId)) } },
    select: { enrollment: true, present: true, minutesAttended: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const rowOf = new Map(existing.map((row) => [relId(row.enrollment), row]))

  const stamp = { source, recordedBy: req.user?.id ?? null, recordedAt: getClock(req.payload).now().toISOString() }
  const common = { depth: 0, overrideAccess: true, context: { [ATTENDANCE_SERVICE_CONTEXT]: true }, req } as const
  const changed: number[] = []
  for (const { enrollmentId, userId, mark } of resolved) {
    const row = rowOf.get(enrollmentId)
    if (row) {
      rowIds.set(enrollmentId, row.id as number)
      const sameMinutes = mark.minutesAttended === undefined || (row.minutesAttended ?? null) === mark.minutesAttended
      if (Boolean(row.present) === mark.present && sameMinutes) continue
      await req.payload.update({
        collection: 'attendance',
        id: row.id,
        data: { present: mark.present, ...(mark.minutesAttended !== undefined ? { minutesAttended: mark.minutesAttended } : {}), ...stamp } as never,
        ...common,
      })
    } else {
      const created = await req.payload.create({
        collection: 'attendance',
        data: {
          enrollment: enrollmentId,
          item: { relationTo: target.collection, value: target.itemId },
          user: userId,
          sessionId,
          present: mark.present,
          minutesAttended: mark.minutesAttended ?? null,
          key: attendanceKey(enrollmentId, sessionId),
          ...stamp,
        } as never,
        ...common,
      })
      rowIds.set(enrollmentId, created.id as number)
    }
    changed.push(enrollmentId)
  }
  await recomputeCompletion(req, target, changed)
  return { recorded: changed.length, unchanged: resolved.length - changed.length, unmatched, rowIds }
}

/**
 * Marks many people for one item and session: all or nothing. Emails match the item's confirmed
 * people case-insensitively; the ones that match nobody come back in `unmatched`.
 */
export async function recordMany(req: PayloadRequest, input: RecordManyInput, options: RecordOptions = {}): Promise<RecordManyResult> {
  const errors: FieldError[] = []
  if (!ITEM_COLLECTIONS.includes(input.collection)) errors.push({ path: 'collection', message: say(req, { es: 'collection debe ser courses o webinars.', en: 'collection must be courses or webinars.' }) })
  if (!isEnrollmentId(input.itemId)) errors.push({ path: 'itemId', message: say(req, { es: 'itemId debe ser un id.', en: 'itemId must be an id.' }) })
  const sessionId = normalizeSessionId(input.sessionId)
  if (sessionId === undefined) errors.push({ path: 'sessionId', message: say(req, { es: 'sessionId debe ser el id de una sesión.', en: 'sessionId must be a session id.' }) })
  checkSource(input.source, req, errors)
  if (errors.length) throw new ValidationError({ errors })
  const marks = parseMarks(input.marks, req)
  await requireMarker(req, input.collection, input.itemId, sessionId!, options)
  const target = await attendanceTarget(req, input.collection, input.itemId, sessionId!)
  const { recorded, unchanged, unmatched } = await inTransaction(req, () =>
    writeMarks(req, target, sessionId!, marks, input.source, (index, field) => (field ? `marks.${index}.${field}` : `marks.${index}`)),
  )
  return { recorded, unchanged, unmatched }
}

/** One person, one session (a webinar: sessionId empty). Same values as stored → nothing written, `unchanged`. */
export async function recordAttendance(
  req: PayloadRequest,
  input: { enrollmentId: number; sessionId?: string | null; present: boolean; minutesAttended?: number | null; source: AttendanceSource },
  options: RecordOptions = {},
): Promise<{ result: 'recorded' | 'unchanged'; attendanceId: number }> {
  const errors: FieldError[] = []
  if (!isEnrollmentId(input.enrollmentId)) errors.push({ path: 'enrollmentId', message: say(req, { es: 'enrollmentId debe ser un id de inscripción.', en: 'enrollmentId must be an enrollment id.' }) })
  const sessionId = normalizeSessionId(input.sessionId)
  if (sessionId === undefined) errors.push({ path: 'sessionId', message: say(req, { es: 'sessionId debe ser el id de una sesión.', en: 'sessionId must be a session id.' }) })
  if (typeof input.present !== 'boolean') errors.push({ path: 'present', message: say(req, { es: 'present debe ser true o false.', en: 'present must be true or false.' }) })
  if (!isMinutes(input.minutesAttended)) errors.push({ path: 'minutesAttended', message: minutesMessage(req) })
  checkSource(input.source, req, errors)
  if (errors.length) throw new ValidationError({ errors })
  if (!options.overrideAccess && !req.user) throw new APIError(say(req, { es: 'Inicia sesión para marcar asistencia.', en: 'Log in to mark attendance.' }), 401, undefined, true)

  const enrollment = await req.payload.findByID({ collection: 'enrollments', id: input.enrollmentId, select: { item: true }, depth: 0, overrideAccess: true, disableErrors: true, req })
  const item = enrollment?.item as { relationTo?: ItemCollection; value?: unknown } | undefined
  if (!enrollment || !item?.relationTo) {
    throw new ValidationError({ errors: [{ path: 'enrollmentId', message: say(req, { es: 'No existe esa inscripción.', en: 'There is no such enrollment.' }) }] })
  }
  const itemId = relId(item.value)
  await requireMarker(req, item.relationTo, itemId, sessionId!, options)
  const target = await attendanceTarget(req, item.relationTo, itemId, sessionId!)
  const mark: AttendanceMark = { enrollmentId: input.enrollmentId, present: input.present, ...(input.minutesAttended !== undefined ? { minutesAttended: input.minutesAttended } : {}) }
  const written = await inTransaction(req, () => writeMarks(req, target, sessionId!, [mark], input.source, (_index, field) => field ?? 'enrollmentId'))
  return { result: written.recorded ? 'recorded' : 'unchanged', attendanceId: written.rowIds.get(input.enrollmentId)! }
}
