import type { InputSchema } from '../endpoints/parseInput'

/** What an anonymous caller tells us about the person registering (REST body or GraphQL `person`). */
export const PERSON_INPUT = {
  email: { kind: 'email', required: true },
  firstName: { kind: 'string', required: true, maxLength: 100 },
  lastName: { kind: 'string', required: true, maxLength: 100 },
  phone: { kind: 'string', maxLength: 40 },
  company: { kind: 'string', maxLength: 200 },
} as const satisfies InputSchema
