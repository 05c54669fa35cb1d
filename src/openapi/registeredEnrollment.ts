import { SHOWN_TO_OWNER } from '../collections/Enrollments/endpoints/publicEnrollment'

type Schema = Record<string, any>

/**
 * `RegisteredEnrollment`: the enrollment a registration answers with. It is not the
 * `enrollments` read schema: publicEnrollment.ts shows only its listed fields (`user` only to
 * someone registering themselves), with relations as ids, so clients must not expect `updatedAt`
 * or a populated item.
 */
export function registeredEnrollmentSchema(enrollments: Schema): Schema {
  const properties: Record<string, Schema> = {}
  for (const name of SHOWN_TO_OWNER) {
    if (name === 'user') properties.user = { type: 'integer', description: 'Only to someone registering themselves (or staff).' }
    else if (name === 'item') properties.item = { type: 'object', required: ['relationTo', 'value'], properties: { relationTo: { type: 'string', enum: ['webinars', 'courses'] }, value: { type: 'integer' } } }
    else if (name === 'bankTransfer') properties.bankTransfer = { type: 'object', description: 'With `paymentMethod: bank_transfer`: `{ reference, amount, currency, holdExpiresAt, instructions }`.' }
    else properties[name] = enrollments.properties?.[name] ?? {}
  }
  return { type: 'object', required: ['id', 'status', 'item'], properties }
}
