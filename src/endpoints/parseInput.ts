import { ValidationError } from 'payload'

import type { Bilingual } from '../i18n/say'

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
 * The Spanish and English of each field message of a ValidationError thrown by parseInput, by path:
 * the error is thrown where no request is at hand (23 callers), so the afterError hook
 * (src/i18n/sayValidationSummary.ts) says each message in the request's language.
 */
export const bilingualFieldMessages = new WeakMap<ValidationError, Map<string, Bilingual>>()

/**
 * Checks a request body against a small schema and returns only the declared fields (anything else
 * the caller sent is dropped). Every problem is reported at once, each with its field, as a 400.
 */
export function parseInput<S extends InputSchema>(body: Record<string, unknown>, schema: S, collection?: string): ParsedInput<S> {
  const problems = new Map<string, Bilingual>()
  const result: Record<string, unknown> = {}
  for (const [path, rule] of Object.entries(schema)) {
    const raw = body[path]
    if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
      if (rule.required) problems.set(path, { es: 'Es obligatorio.', en: 'is required.' })
      continue
    }
    const problem = check(raw, rule)
    if ('es' in problem) problems.set(path, problem)
    else result[path] = problem.value
  }
  if (problems.size) {
    // English in the error itself (logs, and the hook's starting point); the answer is in the caller's language.
    const error = new ValidationError({ collection, errors: [...problems].map(([path, message]) => ({ path, message: `${path} ${message.en}` })) })
    // Spanish as the admin says it (the field is in `path`); English as API clients have always read it.
    bilingualFieldMessages.set(error, new Map([...problems].map(([path, message]) => [path, { es: message.es, en: `${path} ${message.en}` }])))
    throw error
  }
  return result as ParsedInput<S>
}

function check(raw: unknown, rule: InputRule): Bilingual | { value: unknown } {
  switch (rule.kind) {
    case 'string':
    case 'email': {
      if (typeof raw !== 'string') return { es: 'Debe ser un texto.', en: 'must be a string.' }
      const value = rule.kind === 'email' ? raw.trim().toLowerCase() : raw.trim()
      const maxLength = rule.maxLength ?? (rule.kind === 'email' ? 254 : 500)
      if (value.length > maxLength) return { es: `Admite como máximo ${maxLength} caracteres.`, en: `must be at most ${maxLength} characters.` }
      if (CONTROL_CHARACTERS.test(value)) return { es: 'No puede contener caracteres de control.', en: 'must not contain control characters.' }
      if (rule.kind === 'email' && !EMAIL.test(value)) return { es: 'Debe ser una dirección de correo válida.', en: 'must be a valid email address.' }
      if (rule.oneOf && !rule.oneOf.includes(value)) return { es: `Debe ser uno de: ${rule.oneOf.join(', ')}.`, en: `must be one of: ${rule.oneOf.join(', ')}.` }
      return { value }
    }
    case 'integer':
    case 'number':
    case 'id': {
      const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw
      if (typeof value !== 'number' || !Number.isFinite(value)) return { es: 'Debe ser un número.', en: 'must be a number.' }
      if ((rule.kind !== 'number') && !Number.isSafeInteger(value)) return { es: 'Debe ser un número entero.', en: 'must be a whole number.' }
      if (rule.kind === 'id' && value < 1) return { es: 'Debe ser un id válido.', en: 'must be a valid id.' }
      if (rule.min !== undefined && value < rule.min) return { es: `Debe ser como mínimo ${rule.min}.`, en: `must be at least ${rule.min}.` }
      if (rule.max !== undefined && value > rule.max) return { es: `Debe ser como máximo ${rule.max}.`, en: `must be at most ${rule.max}.` }
      return { value }
    }
    case 'boolean':
      return typeof raw === 'boolean' ? { value: raw } : { es: 'Debe ser true o false.', en: 'must be true or false.' }
  }
}
