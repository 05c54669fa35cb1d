import { ValidationError } from 'payload'

import { parseInput, type InputSchema } from '../endpoints/parseInput'
import type { PersonInput } from '../enrollment/findOrCreatePerson'
import { PERSON_INPUT } from '../enrollment/personInput'

/**
 * What a registration may carry beyond the person (REST body of register/enroll, GraphQL arguments):
 * a coupon code, how the buyer pays, and, for a group or company booking, the buyer and the people
 * who will attend. Parsed here once for both APIs; every problem is a 400 naming its field.
 */
export type PaymentMethodChoice = 'card' | 'bank_transfer'

export interface BuyerInput extends PersonInput {
  /** The company's tax id for the receipt (RUC, NIF, RFC…), as typed. */
  taxId?: string
}

export interface SellingInput {
  /** As typed, trimmed; matched case-insensitively by src/commerce/coupons. */
  couponCode?: string
  paymentMethod: PaymentMethodChoice
  /** A group booking when present (one or more attendees); `buyer` then names who pays. */
  attendees?: PersonInput[]
  buyer?: BuyerInput
  /** The form's marketing checkbox: true, false, or absent (= leave the person's consent as it is). src/automation/consent. */
  marketingConsent?: boolean
}

const SELLING_INPUT = {
  couponCode: { kind: 'string', maxLength: 64 },
  paymentMethod: { kind: 'string', oneOf: ['card', 'bank_transfer'] },
  marketingConsent: { kind: 'boolean' },
} as const satisfies InputSchema

const BUYER_INPUT = { ...PERSON_INPUT, taxId: { kind: 'string', maxLength: 40 } } as const satisfies InputSchema

/** The most attendees one request may name, whatever an item allows (its own `maxGroupSize` is checked later). */
export const MAX_ATTENDEES_PER_REQUEST = 200

export function parseSellingInput(body: Record<string, unknown>): SellingInput {
  const { couponCode, paymentMethod, marketingConsent } = parseInput(body, SELLING_INPUT, 'enrollments')
  const result: SellingInput = { couponCode: couponCode || undefined, paymentMethod: (paymentMethod as PaymentMethodChoice | undefined) ?? 'card', marketingConsent }
  if (body.attendees === undefined || body.attendees === null) {
    if (body.buyer !== undefined && body.buyer !== null) throw new ValidationError({ collection: 'enrollments', errors: [{ path: 'buyer', message: 'buyer is only for a group booking: send attendees too.' }] })
    return result
  }
  if (!Array.isArray(body.attendees) || body.attendees.length === 0) {
    throw new ValidationError({ collection: 'enrollments', errors: [{ path: 'attendees', message: 'attendees must be a list of one or more people ({email, firstName, lastName}).' }] })
  }
  if (body.attendees.length > MAX_ATTENDEES_PER_REQUEST) {
    throw new ValidationError({ collection: 'enrollments', errors: [{ path: 'attendees', message: `attendees may name at most ${MAX_ATTENDEES_PER_REQUEST} people.` }] })
  }
  const errors: { path: string; message: string }[] = []
  const attendees: PersonInput[] = []
  body.attendees.forEach((raw, index) => {
    try {
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ValidationError({ errors: [{ path: '', message: 'must be an object {email, firstName, lastName}.' }] })
      attendees.push(parseInput(raw as Record<string, unknown>, PERSON_INPUT))
    } catch (error) {
      const problems = error instanceof ValidationError ? (error.data?.errors ?? []) : [{ path: '', message: String(error) }]
      for (const problem of problems as { path: string; message: string }[]) {
        errors.push({ path: `attendees.${index}${problem.path ? `.${problem.path}` : ''}`, message: `attendees[${index}]: ${problem.message}` })
      }
    }
  })
  const seen = new Map<string, number>()
  attendees.forEach((attendee, index) => {
    const first = seen.get(attendee.email)
    if (first !== undefined) errors.push({ path: `attendees.${index}.email`, message: `attendees[${index}].email repeats attendees[${first}] (${attendee.email}): one seat per person.` })
    else seen.set(attendee.email, index)
  })
  let buyer: BuyerInput | undefined
  if (body.buyer === undefined || body.buyer === null) errors.push({ path: 'buyer', message: 'buyer is required for a group booking ({email, firstName, lastName, company, taxId}).' })
  else if (typeof body.buyer !== 'object' || Array.isArray(body.buyer)) errors.push({ path: 'buyer', message: 'buyer must be an object {email, firstName, lastName, company, taxId}.' })
  else {
    try {
      buyer = parseInput(body.buyer as Record<string, unknown>, BUYER_INPUT)
    } catch (error) {
      for (const problem of ((error as ValidationError).data?.errors ?? []) as { path: string; message: string }[]) {
        errors.push({ path: `buyer.${problem.path}`, message: `buyer.${problem.message}` })
      }
    }
  }
  if (errors.length) throw new ValidationError({ collection: 'enrollments', errors })
  return { ...result, attendees, buyer }
}
