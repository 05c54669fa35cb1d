import { ValidationError } from 'payload'

import { say, type KnowsLanguage } from '../../i18n/say'
import { EMAIL_LOCALES, type EmailLocale } from '../../email/templateVariables'
import { escapeHtml } from '../../utilities/escapeHtml'
import { formatLocalDate, formatWithZone } from '../../utilities/localTime'
import type { ParticipantItem } from '../listParticipants'

/** What staff typed: a subject and a plain-text body per language (one language is enough). */
export type StaffMessage = Partial<Record<EmailLocale, { subject: string; body: string }>>

export const MAX_SUBJECT_LENGTH = 200
export const MAX_BODY_LENGTH = 10_000

/** The words staff may write in braces; each recipient gets their own values. */
export const MESSAGE_VARIABLES = ['firstName', 'lastName', 'title', 'startsAt'] as const
const VARIABLE = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g

/** `{ es: { subject, body }, en: {…} }`, at least one language; a 400 naming `message.<lang>.<field>` otherwise. */
export function parseStaffMessage(raw: unknown, lang: KnowsLanguage): StaffMessage {
  const errors: { path: string; message: string }[] = []
  const message: StaffMessage = {}
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ValidationError({ errors: [{ path: 'message', message: say(lang, { es: 'message debe tener asunto y mensaje en es y/o en.', en: 'message must be an object with a subject and body in es and/or en.' }) }] })
  }
  for (const locale of EMAIL_LOCALES) {
    const part = (raw as Record<string, unknown>)[locale]
    if (part === undefined || part === null) continue
    const { subject, body } = (typeof part === 'object' ? part : {}) as Record<string, unknown>
    const check = (field: 'subject' | 'body', value: unknown, max: number) => {
      const path = `message.${locale}.${field}`
      if (typeof value !== 'string' || !value.trim()) return void errors.push({ path, message: say(lang, { es: `${path} es obligatorio.`, en: `${path} is required.` }) })
      if (value.length > max) return void errors.push({ path, message: say(lang, { es: `${path} admite como máximo ${max} caracteres.`, en: `${path} must be at most ${max} characters.` }) })
      // eslint-disable-next-line no-control-regex
      if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value)) return void errors.push({ path, message: say(lang, { es: `${path} no puede llevar caracteres de control.`, en: `${path} must not contain control characters.` }) })
      const unknown = [...value.matchAll(VARIABLE)].map((match) => match[1]).filter((name) => !(MESSAGE_VARIABLES as readonly string[]).includes(name))
      const names = unknown.map((name) => `{{${name}}}`).join(', ')
      if (unknown.length) errors.push({ path, message: say(lang, { es: `${path} usa variables desconocidas ${names}. Se admiten: ${MESSAGE_VARIABLES.join(', ')}.`, en: `${path} uses unknown variables ${names}. Allowed: ${MESSAGE_VARIABLES.join(', ')}.` }) })
    }
    check('subject', subject, MAX_SUBJECT_LENGTH)
    check('body', body, MAX_BODY_LENGTH)
    message[locale] = { subject: String(subject ?? '').trim(), body: String(body ?? '').trim() }
  }
  if (!errors.length && !Object.keys(message).length) errors.push({ path: 'message', message: say(lang, { es: 'Escribe asunto y mensaje en español o inglés.', en: 'message needs a subject and body in es or en.' }) })
  if (errors.length) throw new ValidationError({ errors })
  return message
}

/** The version a person reads: their language when staff wrote it, else the staff's language, else the one there is. */
export function versionFor(message: StaffMessage, personLanguage: string | null | undefined, staffLanguage: EmailLocale): EmailLocale {
  if (personLanguage && message[personLanguage as EmailLocale]) return personLanguage as EmailLocale
  if (message[staffLanguage]) return staffLanguage
  return Object.keys(message)[0] as EmailLocale
}

export interface Recipient {
  firstName: string
  lastName: string
  email: string
}

/** A start time people can read: a webinar's in its zone, named; a course's whole day (stored as a UTC calendar day). */
const startsAtText = (item: ParticipantItem, locale: EmailLocale) =>
  item.dateOnly ? formatLocalDate(item.startsAt, 'UTC') : formatWithZone(item.startsAt, item.timezone, locale)

/** Plain text to HTML: escaped, blank lines make paragraphs, line breaks stay, web addresses become links. */
function textToHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => escapeHtml(paragraph.trim()).replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>').replace(/\r?\n/g, '<br>'))
    .filter(Boolean)
    .map((paragraph) => `<p>${paragraph}</p>`)
    .join('\n')
}

/**
 * The email-log variables for one recipient: the staff's words with the recipient's values in
 * place, the body as HTML built here (the template inserts `messageBody` as is, everything else escaped).
 */
export function messageVariables(message: StaffMessage, locale: EmailLocale, item: ParticipantItem, recipient: Recipient) {
  const version = message[locale]!
  const values: Record<string, string> = { firstName: recipient.firstName, lastName: recipient.lastName, title: item.title, startsAt: startsAtText(item, locale) }
  const fill = (text: string) => text.replace(VARIABLE, (_, name: string) => values[name] ?? '')
  return {
    firstName: recipient.firstName,
    lastName: recipient.lastName,
    email: recipient.email,
    title: item.title,
    startsAt: item.startsAt,
    timezone: item.timezone,
    messageSubject: fill(version.subject).replace(/[\r\n]+/g, ' '),
    messageBody: textToHtml(fill(version.body)),
  }
}
