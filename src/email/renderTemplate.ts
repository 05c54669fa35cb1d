import { escapeHtml } from '../utilities/escapeHtml'
import { nextStepHtml } from './nextStep'
import { ALLOWED_VARIABLES, type EmailLocale, type EmailTemplateKey, RAW_VARIABLES } from './templateVariables'

/** `{{name}}` and `{{ name }}` both work: staff type either. */
const VARIABLE = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g

export const variablesIn = (text: string): string[] => [...new Set([...text.matchAll(VARIABLE)].map((match) => match[1]))]

export const unknownVariables = (key: EmailTemplateKey, text: string): string[] =>
  variablesIn(text).filter((name) => !ALLOWED_VARIABLES[key].includes(name))

export type EmailVariables = Record<string, unknown>

const DATE_LOCALE: Record<EmailLocale, string> = { es: 'es-419', en: 'en-US' }

/** `startsAt` arrives as an instant; people read it in the event's timezone and in their own language. */
export function formatStartsAt(value: unknown, timezone: unknown, locale: EmailLocale): string {
  const date = new Date(String(value))
  if (Number.isNaN(date.getTime())) return String(value ?? '')
  const timeZone = typeof timezone === 'string' && timezone ? timezone : 'UTC'
  try {
    const text = new Intl.DateTimeFormat(DATE_LOCALE[locale], { dateStyle: 'full', timeStyle: 'short', timeZone }).format(date)
    return `${text} (${timeZone})`
  } catch {
    return date.toISOString()
  }
}

const displayValue = (name: string, variables: EmailVariables, locale: EmailLocale): string => {
  const value = variables[name]
  if ((name === 'startsAt' || name === 'holdExpiresAt') && value) return formatStartsAt(value, variables.timezone, locale)
  if (name === 'nextStep') return nextStepHtml({ payUrl: variables.payUrl, holdExpiresAt: displayValue('holdExpiresAt', variables, locale) }, locale)
  if (value === undefined || value === null) return ''
  return String(value)
}

export interface RenderedEmail {
  subject: string
  html: string
}

/** Subject is plain text (nodemailer encodes the header); the body is HTML, so values are escaped. */
export function renderTemplate(
  template: { subject: string; body: string },
  variables: EmailVariables,
  locale: EmailLocale,
): RenderedEmail {
  const subject = template.subject.replace(VARIABLE, (_, name: string) => displayValue(name, variables, locale))
  const html = template.body.replace(VARIABLE, (_, name: string) => {
    const value = displayValue(name, variables, locale)
    return RAW_VARIABLES.includes(name) ? value : escapeHtml(value)
  })
  return { subject: subject.replace(/[\r\n]+/g, ' ').trim(), html }
}
