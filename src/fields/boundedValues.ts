import { validations, type CollectionConfig, type Field, type GlobalConfig, type Validate } from 'payload'

import { type Bilingual, say } from '../i18n/say'
import { isDateInRange } from './dateRange'
import { missingRelation } from './relationExists'

/**
 * Default bounds for text a field did not bound itself. An indexed column (`unique`, `index`) must
 * fit a btree row (about 2,700 bytes; a UTF-16 unit is at most 3 bytes of UTF-8, so 500 characters
 * stay under 1,500); RFC 5321 caps an email at 254; the rest are generous but finite.
 */
export const DEFAULT_MAX_LENGTH = { indexedText: 500, text: 5_000, email: 254, textarea: 100_000, code: 100_000 } as const
/** Serialized size of a rich-text or JSON value. */
const MAX_JSON_CHARACTERS = 1_000_000

type ValidateFn = (value: unknown, options: Parameters<Validate>[1]) => ReturnType<Validate>
/** A problem in both admin languages; `withCheck` says it in the caller's (src/i18n/say.ts). */
type Check = (value: unknown) => Bilingual | null

const NUL = '\u0000'

const textCheck =
  (limit: number, hasMany: boolean): Check =>
  (value) => {
    if (value === null || value === undefined) return null
    const values = hasMany && Array.isArray(value) ? value : [value]
    if (values.some((each) => typeof each !== 'string')) return { es: 'Debe ser texto.', en: 'Must be text.' }
    if (values.some((each: string) => each.includes(NUL))) return { es: 'El texto no puede contener un byte NUL.', en: 'Text cannot contain a NUL byte.' }
    if (values.some((each: string) => each.length > limit)) return { es: `Debe tener como máximo ${limit} caracteres.`, en: `Must be at most ${limit} characters.` }
    return null
  }

const dateCheck: Check = (value) => (value === null || value === undefined || value === '' || isDateInRange(value) ? null : { es: 'Debe ser una fecha entre los años 1 y 9999.', en: 'Must be a date between the years 1 and 9999.' })

const jsonCheck: Check = (value) => {
  if (value === null || value === undefined) return null
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  if (text === undefined) return null
  // PostgreSQL's jsonb refuses \u0000 in any string (`unsupported Unicode escape sequence`).
  if (text.includes('\\u0000') || text.includes(NUL)) return { es: 'No puede contener un byte NUL.', en: 'Cannot contain a NUL byte.' }
  if (text.length > MAX_JSON_CHARACTERS) return { es: `Debe tener como máximo ${MAX_JSON_CHARACTERS} caracteres una vez serializado.`, en: `Must be at most ${MAX_JSON_CHARACTERS} characters once serialized.` }
  return null
}

/** Runs `check` first, then the field's own validation (or Payload's default for its type, which a custom `validate` replaces). */
function withCheck<F extends Field>(field: F, check: Check): F {
  const own = ('validate' in field ? field.validate : undefined) as ValidateFn | undefined
  const fallback = (validations as unknown as Record<string, ValidateFn | undefined>)[field.type]
  const validate: ValidateFn = (value, options) => {
    const problem = check(value)
    return problem ? say(options?.req, problem) : ((own ?? fallback)?.(value, options) ?? true)
  }
  return { ...field, validate } as F
}

/** The field's own validation first (id types, filter options), then that each related document exists. */
function withRelationCheck<F extends Extract<Field, { type: 'relationship' | 'upload' }>>(field: F): F {
  const own = (field.validate ?? (validations as unknown as Record<string, ValidateFn>)[field.type]) as ValidateFn
  const validate: ValidateFn = async (value, options) => {
    const result = await own(value, options)
    if (result !== true) return result
    return (await missingRelation(value, field.relationTo, options)) ?? true
  }
  return { ...field, validate } as F
}

/**
 * A custom `validate` replaces Payload's `required` check, so `"durationMinutes": null` reached a
 * NOT NULL column (500). An explicit null in a required field is refused whatever its validation.
 */
const requiredCheck: Check = (value) => (value === null ? { es: 'Este campo es obligatorio.', en: 'This field is required.' } : null)

function bound(field: Field, indexed: Set<string>): Field {
  const bounded = boundByType(field, indexed)
  return 'required' in bounded && bounded.required === true && 'validate' in field && field.validate ? withCheck(bounded, requiredCheck) : bounded
}

function boundByType(field: Field, indexed: Set<string>): Field {
  const isIndexed = 'name' in field && (indexed.has(field.name) || ('unique' in field && field.unique === true) || ('index' in field && field.index === true))
  switch (field.type) {
    case 'text': {
      const maxLength = field.maxLength ?? (isIndexed ? DEFAULT_MAX_LENGTH.indexedText : DEFAULT_MAX_LENGTH.text)
      return withCheck({ ...field, maxLength }, textCheck(maxLength, field.hasMany === true))
    }
    case 'textarea': {
      const maxLength = field.maxLength ?? DEFAULT_MAX_LENGTH.textarea
      return withCheck({ ...field, maxLength }, textCheck(maxLength, false))
    }
    case 'email':
      return withCheck(field, textCheck(DEFAULT_MAX_LENGTH.email, false))
    case 'code':
      return withCheck(field, textCheck(DEFAULT_MAX_LENGTH.code, false))
    case 'date':
      return withCheck(field, dateCheck)
    case 'json':
    case 'richText':
      return withCheck(field, jsonCheck)
    case 'relationship':
    case 'upload':
      return withRelationCheck(field)
    case 'group':
    case 'array':
    case 'row':
    case 'collapsible':
      return { ...field, fields: boundAll(field.fields, indexed) } as Field
    case 'tabs':
      return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: boundAll(tab.fields, indexed) })) }
    case 'blocks':
      return { ...field, blocks: field.blocks.map((block) => (typeof block === 'string' ? block : { ...block, fields: boundAll(block.fields, indexed) })) }
    default:
      return field
  }
}

const boundAll = (fields: Field[], indexed: Set<string>): Field[] => fields.map((field) => bound(field, indexed))

/**
 * Every text, email, textarea and code field gets a length bound and refuses NUL bytes, every date
 * stays within the years 1–9999, every rich-text and JSON value refuses NUL bytes: a value Postgres
 * cannot store (or index) is a 400 naming the field, never a 500. Fields added later are covered
 * without anyone remembering to.
 */
export function withBoundedValues<T extends CollectionConfig | GlobalConfig>(entity: T): T {
  const indexed = new Set(('indexes' in entity ? (entity.indexes ?? []) : []).flatMap((index) => index.fields))
  return { ...entity, fields: boundAll(entity.fields, indexed) }
}
