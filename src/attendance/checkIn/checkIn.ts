import { APIError, type PayloadRequest, ValidationError } from 'payload'

import type { ItemCollection } from '../../enrollment/statuses'
import { say } from '../../i18n/say'
import { getClock } from '../../utilities/clock'
import { formatWithZone } from '../../utilities/localTime'
import { recordAttendance } from '../record'
import { judgeCode, normalizeCode, checkInWindow } from './code'
import { countCheckInAttempt, personKey } from './rateLimit'
import { findCheckInPlace, type CheckInPlace } from './target'

export interface CheckInResult {
  /** `unchanged`: the student was already marked present for this session. */
  result: 'recorded' | 'unchanged'
  place: CheckInPlace
}

/**
 * A student typing the code shown in class. In this order: logged in (401), within the attempt
 * budget (429), a real session (404), the caller's own confirmed enrollment (403, before the code
 * is even looked at, so outsiders learn nothing about it), a well-formed (400) and right code
 * (400 "wrong"), inside its window (409 "not open yet", 410 "over"). Then present, source `check_in`.
 */
export async function checkIn(req: PayloadRequest, collection: ItemCollection, itemId: number, sessionId: string | null, rawCode: unknown): Promise<CheckInResult> {
  if (!req.user) {
    throw new APIError(say(req, { es: 'Inicia sesión con tu cuenta de Aula para registrar tu asistencia.', en: 'Log in with your Aula account to check in.' }), 401, undefined, true)
  }
  await countCheckInAttempt(req, personKey(req))
  const place = await findCheckInPlace(req, collection, itemId, sessionId)
  if (place.cancelled) throw new APIError(say(req, { es: 'Este curso o webinar fue cancelado.', en: 'This course or webinar was cancelled.' }), 409, undefined, true)
  const enrollmentId = await ownConfirmedEnrollment(req, collection, itemId)
  if (!enrollmentId) {
    throw new APIError(say(req, { es: 'No tienes una inscripción confirmada en este curso o webinar.', en: 'You have no confirmed enrollment in this course or webinar.' }), 403, undefined, true)
  }
  const code = normalizeCode(rawCode)
  if (!code) throw new ValidationError({ errors: [{ path: 'code', message: say(req, { es: 'El código tiene 6 cifras.', en: 'The code has 6 digits.' }) }] })
  const now = getClock(req.payload).now()
  const state = judgeCode(req.payload.secret, place, code, now)
  const { opensAt } = checkInWindow(place)
  if (state === 'wrong') throw new ValidationError({ errors: [{ path: 'code', message: say(req, { es: 'El código no es correcto. Revisa el que muestra tu instructor.', en: 'That code is not right. Check the one your instructor shows.' }) }] })
  if (state === 'not_open') {
    const at = formatWithZone(opensAt, place.timezone, req.i18n?.language === 'en' ? 'en' : 'es')
    throw new APIError(say(req, { es: `El registro de asistencia de esta sesión abre el ${at}.`, en: `Check-in for this session opens at ${at}.` }), 409, undefined, true)
  }
  if (state === 'closed') throw new APIError(say(req, { es: 'El código expiró: esta sesión ya terminó. Habla con tu instructor.', en: 'The code has expired: this session is over. Talk to your instructor.' }), 410, undefined, true)
  const { result } = await recordAttendance(req, { enrollmentId, sessionId: place.sessionId, present: true, source: 'check_in' }, { overrideAccess: true })
  return { result, place }
}

async function ownConfirmedEnrollment(req: PayloadRequest, collection: ItemCollection, itemId: number): Promise<number | null> {
  const { docs } = await req.payload.find({
    collection: 'enrollments',
    where: { and: [{ user: { equals: req.user!.id } }, { 'item.relationTo': { equals: collection } }, { 'item.value': { equals: itemId } }, { status: { equals: 'confirmed' } }] },
    depth: 0,
    limit: 1,
    select: {},
    overrideAccess: true,
    req,
  })
  return docs[0] ? (docs[0].id as number) : null
}
