import { ValidationError } from 'payload'

import type { InputSchema } from '../../../endpoints/parseInput'
import { LEAD_TYPES } from '../../../crm/options'

/**
 * Everything the public contact and corporate-training forms may set. Anything else in the body
 * (stage, score, assignedTo, notes, tags, source…) is dropped without an error.
 */
export const CAPTURE_INPUT = {
  firstName: { kind: 'string', required: true, maxLength: 100 },
  lastName: { kind: 'string', required: true, maxLength: 100 },
  email: { kind: 'email', required: true },
  phone: { kind: 'string', maxLength: 40 },
  company: { kind: 'string', maxLength: 200 },
  position: { kind: 'string', maxLength: 200 },
  type: { kind: 'string', oneOf: LEAD_TYPES },
  headcount: { kind: 'integer', min: 1, max: 100000 },
  message: { kind: 'string', maxLength: 5000 },
  preferredDates: { kind: 'string', maxLength: 500 },
  utmSource: { kind: 'string', maxLength: 200 },
  utmMedium: { kind: 'string', maxLength: 200 },
  utmCampaign: { kind: 'string', maxLength: 200 },
  utmTerm: { kind: 'string', maxLength: 200 },
  utmContent: { kind: 'string', maxLength: 200 },
  // The marketing checkbox: true, false or absent (consent left as it is); src/automation/consent/formConsent.ts.
  marketingConsent: { kind: 'boolean' },
} as const satisfies InputSchema

/** Hidden form fields a person never sees and a bot fills in. */
export const HONEYPOT_FIELDS = ['website', 'company_website'] as const

export const filledHoneypot = (body: Record<string, unknown>) =>
  HONEYPOT_FIELDS.some((name) => body[name] !== undefined && body[name] !== null && String(body[name]).trim() !== '')

export type InterestRef = { relationTo: 'courses' | 'webinars'; value: number }

/** A course or webinar reference, `{relationTo: 'courses' | 'webinars', value: id}`, or absent; 400 naming `path` otherwise. */
export function parseItemRef(raw: unknown, path = 'interest'): InterestRef | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined
  const ref = raw as { relationTo?: unknown; value?: unknown }
  const value = Number(ref?.value)
  if (typeof raw !== 'object' || (ref.relationTo !== 'courses' && ref.relationTo !== 'webinars') || !Number.isSafeInteger(value) || value < 1) {
    throw new ValidationError({
      collection: 'leads',
      errors: [{ path, message: `${path} must be {"relationTo": "courses" | "webinars", "value": <id>}.` }],
    })
  }
  return { relationTo: ref.relationTo, value }
}
