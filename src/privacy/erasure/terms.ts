import type { Pseudonym } from './pseudonym'

/** One thing to find in free text (a Postgres regular expression, case-insensitive) and what replaces it. */
export interface ScrubTerm {
  pattern: string
  replacement: string
}

/** What is known to identify the person: every address and name any record of theirs gave. */
export interface PersonTraces {
  emails: string[]
  fullNames: string[]
  phones: string[]
}

const escapeRegex = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** Letters as a person's name is made of: ASCII and the accented Latin ranges (the database may run in the C locale). */
const LETTER = '[[:alnum:]_\u00C0-\u024F]'
const wholeWord = (value: string) => `(?<!${LETTER})${escapeRegex(value)}(?!${LETTER})`
/** An address is not found inside a longer one (`ana@x.com` in `diana@x.com` or `ana@x.com.pe`). */
const wholeEmail = (value: string) => `(?<![[:alnum:]._%+-])${escapeRegex(value)}(?![[:alnum:]-]|\\.[[:alnum:]])`

/** Particles of Spanish and other names that are words of their own in any text. */
const PARTICLES = new Set(['del', 'las', 'los', 'van', 'von', 'der', 'den', 'dos', 'das', 'san', 'mac'])
const clean = (values: (string | null | undefined)[]) => [...new Set(values.map((value) => String(value ?? '').trim()).filter((value) => value.length >= 2))]
const longestFirst = (values: string[]) => values.sort((a, b) => b.length - a.length)

export const emailPattern = (email: string) => wholeEmail(email)

/**
 * The replacements in the order they must run: addresses first (they may contain the name),
 * phones, whole names, then each word of a name on its own ("Pérez" alone in a note).
 */
export function scrubTermsFor(traces: PersonTraces, pseudonym: Pseudonym): ScrubTerm[] {
  const emails = longestFirst(clean(traces.emails))
  const phones = longestFirst(clean(traces.phones).filter((phone) => phone.replace(/\D/g, '').length >= 6))
  const fullNames = longestFirst(clean(traces.fullNames))
  const words = longestFirst(clean(fullNames.flatMap((name) => name.split(/[\s-]+/))).filter((word) => word.length >= 3 && !PARTICLES.has(word.toLowerCase())))
  return [
    ...emails.map((email) => ({ pattern: wholeEmail(email), replacement: pseudonym.email })),
    ...phones.map((phone) => ({ pattern: escapeRegex(phone), replacement: '[borrado]' })),
    ...fullNames.map((name) => ({ pattern: wholeWord(name), replacement: pseudonym.fullName })),
    ...words.map((word) => ({ pattern: wholeWord(word), replacement: pseudonym.firstName })),
  ]
}
