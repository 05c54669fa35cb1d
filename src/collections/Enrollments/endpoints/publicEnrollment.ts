import type { FieldAccess, PayloadRequest } from 'payload'

/**
 * What a registration answer may show (REST and GraphQL), and nothing else: a field added to
 * enrollments later stays out until it is listed here. `user` only to a caller acting for themselves.
 */
export const SHOWN_TO_REGISTRANT = ['id', 'status', 'paymentStatus', 'listPrice', 'discount', 'amount', 'currency', 'priceTier', 'item', 'createdAt', 'checkoutUrl', 'holdExpiresAt', 'bankTransfer'] as const
export const SHOWN_TO_OWNER = [...SHOWN_TO_REGISTRANT, 'user'] as const

const relationId = (value: unknown) => (typeof value === 'object' && value ? (value as { id?: unknown }).id : value)

/**
 * The caller's view of the enrollment their registration made: the listed fields that the caller
 * may also read under the field's own read access (the same rule Payload applies to reads).
 * Relations are ids. `ownView` for someone registering themselves (or staff), who may see `user`.
 */
export async function publicEnrollment(req: PayloadRequest, enrollment: Record<string, unknown>, { ownView = false } = {}) {
  const fields = req.payload.collections.enrollments.config.flattenedFields
  const result: Record<string, unknown> = {}
  for (const name of ownView ? SHOWN_TO_OWNER : SHOWN_TO_REGISTRANT) {
    if (enrollment[name] === undefined) continue
    const field = fields.find((candidate) => candidate.name === name)
    if (!field && name !== 'id') continue
    const read = (field?.access as { read?: FieldAccess } | undefined)?.read
    if (read && !(await read({ req, id: enrollment.id as number, doc: enrollment, data: enrollment, siblingData: enrollment }))) continue
    result[name] = enrollment[name]
  }
  if (result.user !== undefined) result.user = relationId(result.user)
  const item = result.item as { relationTo: string; value: unknown } | undefined
  if (item) result.item = { relationTo: item.relationTo, value: relationId(item.value) }
  return result
}
