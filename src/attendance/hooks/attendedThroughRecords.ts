import { ValidationError, type CollectionBeforeChangeHook } from 'payload'

import type { ItemCollection } from '../../enrollment/statuses'
import { say } from '../../i18n/say'
import { getClock } from '../../utilities/clock'
import { completionTargetOf, recomputeCompletion } from '../completion'
import { ATTENDANCE_SERVICE_CONTEXT, writeMarks } from '../record'

const relId = (value: unknown) => (typeof value === 'object' && value !== null ? (value as { id: number }).id : Number(value))

/**
 * Ticking "Asistió" on an enrollment (its edit form, bulk edit, a PATCH) records attendance instead of
 * setting a loose flag: a webinar gets its one row; a course marks every session that has started
 * present (or, unticked, every session marked present absent). The field rules already decided
 * who may tick it (a denied `attended` never reaches this hook); the computed fields follow the rows.
 */
export const attendedThroughRecords: CollectionBeforeChangeHook = async ({ req, data, originalDoc, operation, context }) => {
  if (operation !== 'update' || !originalDoc || context[ATTENDANCE_SERVICE_CONTEXT] || data.attended === undefined) return data
  const wanted = Boolean(data.attended)
  if (wanted === Boolean(originalDoc.attended)) return data
  const refuse = (message: { es: string; en: string }) => new ValidationError({ errors: [{ path: 'attended', message: say(req, message) }] })
  // Unticking someone no longer confirmed only clears the flag; ticking needs a confirmed seat.
  if ((data.status ?? originalDoc.status) !== 'confirmed') {
    if (!wanted) return data
    throw refuse({ es: 'Solo se marca la asistencia de personas confirmadas.', en: 'Only confirmed participants have their attendance marked.' })
  }

  const item = originalDoc.item as { relationTo: ItemCollection; value: unknown }
  const target = await completionTargetOf(req, item.relationTo, relId(item.value))
  if (!target) return data
  const enrollmentId = originalDoc.id as number
  const mark = { enrollmentId, present: wanted }
  const pathOf = () => 'attended'
  if (target.collection === 'webinars') {
    await writeMarks(req, target, null, [mark], 'admin', pathOf)
  } else {
    let sessionIds: string[]
    if (wanted) {
      const now = getClock(req.payload).now().getTime()
      sessionIds = target.sessions.filter((session) => session.startsAt.getTime() <= now).map((session) => session.id)
      if (!sessionIds.length) throw refuse({ es: 'Ninguna sesión de este curso ha empezado: marca la asistencia por sesión.', en: 'No session of this course has started yet: mark attendance per session.' })
    } else {
      const { docs } = await req.payload.find({ collection: 'attendance', where: { and: [{ enrollment: { equals: enrollmentId } }, { present: { equals: true } }] }, select: { sessionId: true }, depth: 0, pagination: false, overrideAccess: true, req })
      sessionIds = docs.map((row) => row.sessionId).filter((id): id is string => Boolean(id) && target.sessions.some((session) => session.id === id))
    }
    for (const sessionId of sessionIds) await writeMarks(req, target, sessionId, [mark], 'admin', pathOf)
  }
  const state = (await recomputeCompletion(req, target, [enrollmentId])).states.get(enrollmentId)
  return state ? { ...data, ...state } : data
}
