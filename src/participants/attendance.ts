import { APIError, type PayloadRequest, ValidationError } from 'payload'

import { inTransaction } from '../enrollment/transaction'
import { say, type KnowsLanguage } from '../i18n/say'
import { listParticipants, type ParticipantItem } from './listParticipants'

/** One click on "all present" covers the page; a list longer than this is split by the page itself. */
export const MAX_ATTENDANCE_BATCH = 1000

export interface AttendanceInput {
  enrollmentIds: number[]
  attended: boolean
}

/** `{ enrollmentIds: [1, 2], attended: true }`, or a 400 naming the field. */
export function parseAttendanceInput(body: Record<string, unknown>, lang: KnowsLanguage): AttendanceInput {
  const errors: { path: string; message: string }[] = []
  const ids = body.enrollmentIds
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_ATTENDANCE_BATCH || ids.some((id) => typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1)) {
    errors.push({ path: 'enrollmentIds', message: say(lang, { es: `enrollmentIds debe ser una lista de 1 a ${MAX_ATTENDANCE_BATCH} ids de inscripción.`, en: `enrollmentIds must be a list of 1 to ${MAX_ATTENDANCE_BATCH} enrollment ids.` }) })
  }
  if (typeof body.attended !== 'boolean') errors.push({ path: 'attended', message: say(lang, { es: 'attended debe ser true o false.', en: 'attended must be true or false.' }) })
  if (errors.length) throw new ValidationError({ errors })
  return { enrollmentIds: [...new Set(ids as number[])], attended: body.attended as boolean }
}

/**
 * Marks people present or absent. The ids must all be this item's, and only confirmed people attend;
 * otherwise nothing is written. The writes go through Payload as the caller (`overrideAccess: false`),
 * so the enrollment's own rules decide (row access and the `attended` field rule), in one transaction;
 * the enrollments hook `attendedThroughRecords` turns each tick into attendance rows (src/attendance),
 * which decide `attended` and completion.
 */
export async function markAttendance(req: PayloadRequest, item: ParticipantItem, input: AttendanceInput): Promise<{ updated: number }> {
  const { participants } = await listParticipants(req, item)
  const byId = new Map(participants.map((participant) => [participant.enrollmentId, participant]))
  const foreign = input.enrollmentIds.filter((id) => !byId.has(id))
  if (foreign.length) {
    throw new ValidationError({ errors: [{ path: 'enrollmentIds', message: say(req, { es: `No son participantes de este curso o webinar: ${foreign.join(', ')}.`, en: `Not participants of this item: ${foreign.join(', ')}.` }) }] })
  }
  const notConfirmed = input.enrollmentIds.filter((id) => byId.get(id)!.status !== 'confirmed')
  if (input.attended && notConfirmed.length) {
    throw new ValidationError({ errors: [{ path: 'enrollmentIds', message: say(req, { es: `Solo las personas confirmadas pueden marcarse presentes; no lo están: ${notConfirmed.join(', ')}.`, en: `Only confirmed participants can be marked present: ${notConfirmed.join(', ')} are not confirmed.` }) }] })
  }
  const changing = input.enrollmentIds.filter((id) => byId.get(id)!.attended !== input.attended)
  if (!changing.length) return { updated: 0 }
  return inTransaction(req, async () => {
    const result = await req.payload.update({
      collection: 'enrollments',
      where: { id: { in: changing } },
      data: { attended: input.attended },
      depth: 0,
      overrideAccess: false,
      user: req.user,
      req,
    })
    // A field the caller may not write is dropped silently by Payload: check it was really written.
    const written = result.docs.filter((doc) => Boolean(doc.attended) === input.attended).length
    if (result.errors.length || written !== changing.length) {
      throw new APIError(say(req, { es: 'No puedes marcar la asistencia de estas personas.', en: 'You may not mark attendance for these participants.' }), 403, undefined, true)
    }
    return { updated: written }
  })
}
