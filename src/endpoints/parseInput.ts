import { ValidationError } from 'payload'

type Kind = 'string' | 'email' | 'integer' | 'number' | 'boolean' | 'id'

export interface InputRule {
  kind: Kind
  required?: boolean
  maxLength?: number
  min?: number
  max?: number
  oneOf?: readonly string[]
}

export type InputSchema = Record<string, InputRule>

type Value<R extends InputRule> = R['kind'] extends 'integer' | 'number' | 'id' ? number : R['kind'] extends 'boolean' ? boolean : string
export type ParsedInput<S extends InputSchema> = { [K in keyof S]: S[K]['required'] extends true ? Value<S[K]> : Value<S[K]> | undefined }

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
/** Control characters other than tab and line breaks: never typed by a person, and Postgres cannot store NUL. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/

/**
 * Checks a request body against a small schema and returns only the declared fields (anything else
 * the caller sent is dropped). Every problem is reported at once, each with its field, as a 400.
 */
export function parseInput<S extends InputSchema>(body: Record<string, unknown>, schema: S, collection?: string): ParsedInput<S> {
  const errors: { path: string; message: string }[] = []
  const result: Record<string, unknown> = {}
  for (const [path, rule] of Object.entries(schema)) {
    const raw = body[path]
    if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
      if (rule.required) errors.push({ path, message: `${path} is required.` })
      continue
    }
    const problem = check(raw, rule)
    if (typeof problem === 'string') errors.push({ path, message: `${path} ${problem}` })
    else result[path] = problem.value
  }
  if (errors.length) throw new ValidationError({ collection, errors })
  return result as ParsedInput<S>
}

function check(raw: unknown, rule: InputRule): string | { value: unknown } {
  switch (rule.kind) {
    case 'string':
    case 'email': {
      if (typeof raw !== 'string') return 'must be a string.'
      const value = rule.kind === 'email' ? raw.trim().toLowerCase() : raw.trim()
      const maxLength = rule.maxLength ?? (rule.kind === 'email' ? 254 : 500)
      if (value.length > maxLength) return `must be at most ${maxLength} characters.`
      if (CONTROL_CHARACTERS.test(value)) return 'must not contain control characters.'
      if (rule.kind === 'email' && !EMAIL.test(value)) return 'must be a valid email address.'
      if (rule.oneOf && !rule.oneOf.includes(value)) return `must be one of: ${rule.oneOf.join(', ')}.`
      return { value }
    }
    case 'integer':
    case 'number':
    case 'id': {
      const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number.'
      if ((rule.kind !== 'number') && !Number.isSafeInteger(value)) return 'must be a whole number.'
      if (rule.kind === 'id' && value < 1) return 'must be a valid id.'
      if (rule.min !== undefined && value < rule.min) return `must be at least ${rule.min}.`
      if (rule.max !== undefined && value > rule.max) return `must be at most ${rule.max}.`
      return { value }
    }
    case 'boolean':
      return typeof raw === 'boolean' ? { value: raw } : 'must be true or false.'
  }
}
