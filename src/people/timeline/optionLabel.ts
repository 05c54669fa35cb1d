import type { CollectionSlug, FlattenedField, PayloadRequest } from 'payload'

import type { AdminLanguage } from '../../utilities/localTime'

type Option = string | { value: string; label?: unknown }

const fieldAt = (fields: FlattenedField[], path: string[]): FlattenedField | undefined => {
  const [name, ...rest] = path
  const field = fields.find((candidate) => candidate.name === name)
  if (!field || !rest.length) return field
  return 'flattenedFields' in field ? fieldAt(field.flattenedFields, rest) : undefined
}

/**
 * The label staff see for a select value ("Confirmada" for `confirmed`), read from the collection's
 * own field options (`['interactions', 'type']` for a nested one), so the timeline and the edit view
 * never disagree.
 */
export function optionLabel(req: PayloadRequest, collection: CollectionSlug, path: string[], value: unknown, language: AdminLanguage): string {
  if (value === null || value === undefined || value === '') return ''
  const field = fieldAt(req.payload.collections[collection]?.config.flattenedFields ?? [], path)
  const options = (field && 'options' in field ? field.options : []) as Option[]
  const option = options.find((candidate) => (typeof candidate === 'string' ? candidate : candidate.value) === value)
  if (!option || typeof option === 'string') return String(value)
  const { label } = option
  if (typeof label === 'string') return label
  if (label && typeof label === 'object') return String((label as Record<string, string>)[language] ?? (label as Record<string, string>).es ?? value)
  return String(value)
}
