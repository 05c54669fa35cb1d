import { type PayloadRequest, ValidationError } from 'payload'

import { say } from '../../i18n/say'
import {
  type ItemRef,
  LEAD_SOURCES,
  LEAD_STAGES,
  type Segment,
  SEGMENT_ENROLLMENT_STATUSES,
  SEGMENT_KINDS,
  type SegmentEnrollmentStatus,
  type SegmentKind,
} from './types'

type Problem = { path: string; message: string }

const idOf = (value: unknown): number | null => {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : value
  const number = typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : id
  return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : null
}

const listOf = (value: unknown): unknown[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value])

/**
 * Reads a segment as the admin form, the REST body or a stored campaign holds it: relationships as ids,
 * `{relationTo, value}` or populated documents; dates as ISO text. Anything else is a 400 naming the
 * field (`segment.statuses`), so a hand-written API call gets the same answer as the form.
 */
export function readSegment(req: PayloadRequest, raw: unknown): Segment {
  const problems: Problem[] = []
  const source = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>
  const fail = (field: string, es: string, en: string) => problems.push({ path: `segment.${field}`, message: say(req, { es, en }) })

  const kind = (SEGMENT_KINDS as readonly unknown[]).includes(source.kind) ? (source.kind as SegmentKind) : null
  if (!kind) fail('kind', 'Elige a quién va dirigida la campaña.', 'Choose who the campaign is for.')

  const ids = (field: string): number[] => {
    const values = listOf(source[field]).map(idOf)
    if (values.some((id) => id === null)) fail(field, 'Hay un valor que no es un registro válido.', 'A value is not a valid record.')
    return values.filter((id): id is number => id !== null)
  }
  const choices = <T extends string>(field: string, allowed: readonly T[]): T[] => {
    const values = listOf(source[field])
    const bad = values.filter((value) => !(allowed as readonly unknown[]).includes(value))
    if (bad.length) fail(field, `Valor no permitido: ${bad.map(String).join(', ')}.`, `Value not allowed: ${bad.map(String).join(', ')}.`)
    return values.filter((value): value is T => (allowed as readonly unknown[]).includes(value))
  }
  const date = (field: string): Date | null => {
    const value = source[field]
    if (value === undefined || value === null || value === '') return null
    const parsed = value instanceof Date ? value : new Date(String(value))
    if (Number.isNaN(parsed.getTime())) {
      fail(field, 'La fecha no es válida.', 'The date is not valid.')
      return null
    }
    return parsed
  }
  const items: ItemRef[] = []
  for (const entry of listOf(source.items)) {
    // `{relationTo, value}` from Payload and the form; `{relationTo, id}` from an already-read segment.
    const ref = entry as { relationTo?: unknown; value?: unknown; id?: unknown }
    const id = idOf(ref?.value ?? ref?.id)
    if ((ref?.relationTo === 'webinars' || ref?.relationTo === 'courses') && id) items.push({ relationTo: ref.relationTo, id })
    else fail('items', 'Elige webinars o cursos de la lista.', 'Choose webinars or courses from the list.')
  }
  const tags = listOf(source.tags)
  if (tags.some((tag) => typeof tag !== 'string')) fail('tags', 'Las etiquetas son texto.', 'Tags are text.')

  const segment: Segment = {
    kind: kind ?? 'enrolled',
    items,
    categories: ids('categories'),
    statuses: choices<SegmentEnrollmentStatus>('statuses', SEGMENT_ENROLLMENT_STATUSES),
    from: date('from'),
    until: date('until'),
    stages: choices('stages', LEAD_STAGES),
    sources: choices('sources', LEAD_SOURCES),
    tags: tags.filter((tag): tag is string => typeof tag === 'string').map((tag) => tag.trim()).filter(Boolean),
    lastEnrolledBefore: date('lastEnrolledBefore'),
  }
  if (segment.from && segment.until && segment.from > segment.until)
    fail('until', 'La fecha final no puede ser anterior a la inicial.', 'The end date cannot be before the start date.')
  if (kind === 'lapsed_students' && !segment.lastEnrolledBefore)
    fail('lastEnrolledBefore', 'Indica la fecha: personas que no se inscribieron desde entonces.', 'Give the date: people who have not enrolled since.')
  if (problems.length) throw new ValidationError({ errors: problems })
  return segment
}
