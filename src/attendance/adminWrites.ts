import { ValidationError, type PayloadRequest } from 'payload'

import type { ItemCollection } from '../enrollment/statuses'
import { say } from '../i18n/say'
import { getClock } from '../utilities/clock'
import { completionTargetOf, recomputeCompletion } from './completion'
import { attendanceTarget } from './record'
import { attendanceKey } from './types'

/**
 * An admin writing an attendance row through Payload's own REST/GraphQL/admin form (the endpoints and
 * the service are the usual way): the same rules apply, and completion follows.
 */
const relId = (value: unknown) => (typeof value === 'object' && value !== null ? (value as { id: number }).id : (value as number))

/** On create: item, person and unique key come from the enrollment; the session must be one of the item's; only confirmed people. */
export async function fillFromEnrollment(req: PayloadRequest, data: Record<string, unknown>, operation: 'create' | 'update'): Promise<Record<string, unknown>> {
  const stamp = { recordedBy: req.user?.id ?? null, recordedAt: getClock(req.payload).now().toISOString() }
  if (operation === 'update') return { ...data, ...stamp }
  const enrollmentId = relId(data.enrollment)
  const enrollment = enrollmentId ? await req.payload.findByID({ collection: 'enrollments', id: enrollmentId, depth: 0, overrideAccess: true, disableErrors: true, req }) : null
  if (!enrollment) throw new ValidationError({ errors: [{ path: 'enrollment', message: say(req, { es: 'No existe esa inscripción.', en: 'There is no such enrollment.' }) }] })
  if (enrollment.status !== 'confirmed') {
    throw new ValidationError({ errors: [{ path: 'enrollment', message: say(req, { es: 'Solo se marca a personas confirmadas.', en: 'Only confirmed participants are marked.' }) }] })
  }
  const item = enrollment.item as { relationTo: ItemCollection; value: unknown }
  const sessionId = typeof data.sessionId === 'string' && data.sessionId ? data.sessionId : null
  await attendanceTarget(req, item.relationTo, relId(item.value), sessionId)
  return { ...data, sessionId, item: { relationTo: item.relationTo, value: relId(item.value) }, user: relId(enrollment.user), key: attendanceKey(enrollmentId, sessionId), ...stamp }
}

/** After an admin's own write or delete of a row: the enrollment's completion again. */
export async function recomputeForRow(req: PayloadRequest, row: { enrollment?: unknown; item?: unknown }) {
  const item = row.item as { relationTo?: ItemCollection; value?: unknown } | undefined
  if (!item?.relationTo) return
  const target = await completionTargetOf(req, item.relationTo, relId(item.value))
  if (target) await recomputeCompletion(req, target, [relId(row.enrollment)])
}
