import type { FieldHook, PayloadRequest, TextField } from 'payload'

import { idOf } from '../crm/ids'
import { searchTextField, toSearchText } from '../fields/searchText'

/** What staff type to find a person: their name, their email, their company. */
export const PERSON_SEARCH_SOURCES = ['firstName', 'lastName', 'email', 'company'] as const

export type PersonContact = Partial<Record<(typeof PERSON_SEARCH_SOURCES)[number], string | null>>

export const personSearchText = (person: PersonContact | null | undefined): string =>
  toSearchText(PERSON_SEARCH_SOURCES.map((name) => person?.[name]))

/** "Ana Pérez", or the email when the person has no name yet. */
export const personName = (person: PersonContact | null | undefined): string =>
  [person?.firstName, person?.lastName].filter(Boolean).join(' ').trim() || String(person?.email ?? '')

/** Payload's list search reads "Buscar por nombre, correo o empresa" from this label. */
const SEARCH_LABEL = { es: 'nombre, correo o empresa', en: 'name, email or company' }

/** A person's own search text (users, leads): their name, email and company, kept up to date on every save. */
export const ownPersonSearchTextField = (): TextField => ({ ...searchTextField([...PERSON_SEARCH_SOURCES]), label: SEARCH_LABEL })

/** `more`: other columns the caller needs from the same read. */
export const findPersonContact = async (req: PayloadRequest, userId: number, more: Record<string, true> = {}): Promise<PersonContact | null> =>
  (await req.payload.findByID({
    collection: 'users',
    id: userId,
    depth: 0,
    select: { firstName: true, lastName: true, email: true, company: true, ...more },
    overrideAccess: true,
    disableErrors: true,
    req,
  })) as PersonContact | null

/**
 * The person's search text copied onto a row that points at them (`user`), so the enrollments and
 * payments lists find rows by the person's name, email or company with one indexed column and no
 * join. Looked up when the row is created or changes person; `resyncPersonSearchText` rewrites it
 * when the person's details change.
 */
const copyPersonSearchText =
  (readPerson: PersonReader): FieldHook =>
  async ({ data, originalDoc, req, operation }) => {
    const userId = idOf(data && 'user' in data ? data.user : originalDoc?.user)
    if (userId === null) return ''
    if (originalDoc?.searchText && idOf(originalDoc.user) === userId) return originalDoc.searchText
    return personSearchText(await (operation === 'create' ? readPerson : findPersonContact)(req, userId))
  }

type PersonReader = (req: PayloadRequest, userId: number) => Promise<PersonContact | null>

/** `readOnCreate`: how a new row reads its person (an enrollment keeps the read for its email, src/enrollment/notify/recipient.ts). */
export const personSearchTextField = (readOnCreate: PersonReader = findPersonContact): TextField => {
  const field = searchTextField([])
  return {
    ...field,
    label: SEARCH_LABEL,
    hooks: { beforeChange: [copyPersonSearchText(readOnCreate)] },
  }
}
