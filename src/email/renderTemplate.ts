import { escapeHtml } from '../utilities/escapeHtml'
import { nextStepHtml } from './nextStep'
import { hasContent } from './templateBody/nodes'
import { contentToHtml } from './templateBody/toHtml'
import { ALLOWED_VARIABLES, type EmailLocale, type EmailTemplateKey, RAW_VARIABLES } from './templateVariables'
import { VARIABLE, variablesIn } from './variableSyntax'

export { variablesIn }

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

/** A stored template: the rich-text `content` staff write, or (rows from before it) the HTML `body`. */
export interface StoredTemplate {
  subject: string
  content?: unknown
  body?: string | null
}

/** The body as HTML with its `{{variables}}` still in: the rich text when it holds anything, else the older HTML body. */
export const templateBodyHtml = (template: StoredTemplate): string =>
  hasContent(template.content) ? contentToHtml(template.content) : (template.body ?? '')

/** Subject is plain text (nodemailer encodes the header); the body is HTML, so values are escaped. */
export function renderTemplate(template: StoredTemplate, variables: EmailVariables, locale: EmailLocale): RenderedEmail {
  const subject = template.subject.replace(VARIABLE, (_, name: string) => displayValue(name, variables, locale))
  const html = templateBodyHtml(template).replace(VARIABLE, (_, name: string) => {
    const value = displayValue(name, variables, locale)
    return RAW_VARIABLES.includes(name) ? value : escapeHtml(value)
  })
  return { subject: subject.replace(/[\r\n]+/g, ' ').trim(), html }
}
