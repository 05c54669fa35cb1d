import { type CollectionBeforeChangeHook, ValidationError } from 'payload'

import { isFollowUpRule } from '../../../automation/rules/followUpRules'
import { parseClock } from '../../../automation/rules/quietHours'
import { ALLOWED_VARIABLES, isEmailTemplateKey } from '../../../email/templateVariables'
import { offsetMs } from '../../../automation/rules/readRule'
import { OFFSET_UNITS, type OffsetUnit } from '../../../automation/rules/types'
import { type Bilingual, say } from '../../../i18n/say'

const YEAR_MS = 365 * 24 * 60 * 60_000
const ATTENDANCE_AUDIENCES = ['attended', 'no_shows']
/** What a planned email is filled with (src/enrollment/notify/enrollmentMessage.ts), and for a session rule the session's own. */
const ENROLLMENT_VARIABLES = ['firstName', 'lastName', 'email', 'title', 'startsAt', 'timezone', 'meetingLink', 'seatsLeft', 'cancelUrl', 'itemUrl', 'amount', 'currency', 'payUrl', 'holdExpiresAt']
const SESSION_VARIABLES = ['sessionName', 'sessionNumber', 'sessionStartsAt', 'location']

/** The variables of a template the planner could not fill for this rule (a session email on a rule that is not per session, a certificate's number…). */
function unfilledVariables(rule: Record<string, any>): string[] {
  if (!isEmailTemplateKey(rule.templateKey)) return []
  const filled = new Set([...ENROLLMENT_VARIABLES, ...(rule.timing === 'each_session' ? SESSION_VARIABLES : [])])
  return ALLOWED_VARIABLES[rule.templateKey].filter((name) => !filled.has(name))
}

/**
 * Refuses a rule that cannot work, naming the field that makes it so (400): an offset beyond a year,
 * an audience that is not known yet at that moment (who attended is known only after the start), a
 * per-session rule for webinars, a chosen scope with nothing chosen, a change trigger without its
 * change, broken quiet hours. Reads the stored rule merged with the change, so a partial update is
 * checked as the whole rule it produces.
 */
export const validateRule: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const rule = { ...(originalDoc ?? {}), ...data } as Record<string, any>
  const errors: { path: string; message: string }[] = []
  const refuse = (path: string, text: Bilingual) => errors.push({ path, message: say(req, text) })
  const itemTime = rule.trigger !== 'enrollment_change'

  // Follow-up and enrollment-change rules are sent by their own modules, which fill their own variables.
  const planned = itemTime && !isFollowUpRule({ trigger: rule.trigger, audience: rule.audience, key: rule.key ?? null })
  const unfilled = planned ? unfilledVariables(rule) : []
  if (unfilled.length)
    refuse('templateKey', {
      es: `Este correo necesita datos que esta regla no tiene (${unfilled.join(', ')}): elige otro correo${unfilled.some((name) => SESSION_VARIABLES.includes(name)) ? ' o «Cada sesión del curso»' : ''}.`,
      en: `This email needs data this rule does not have (${unfilled.join(', ')}): choose another email${unfilled.some((name) => SESSION_VARIABLES.includes(name)) ? ' or “Each course session”' : ''}.`,
    })

  const amount = Number(rule.offsetAmount ?? 0)
  if (!Number.isInteger(amount) || amount < 0) refuse('offsetAmount', { es: 'Debe ser un número entero, cero o mayor.', en: 'Must be a whole number, zero or more.' })
  else if (OFFSET_UNITS.includes(rule.offsetUnit) && offsetMs({ offsetAmount: amount, offsetUnit: rule.offsetUnit as OffsetUnit }) > YEAR_MS)
    refuse('offsetAmount', { es: 'Como máximo un año (365 días).', en: 'At most one year (365 days).' })

  if (!itemTime && !rule.enrollmentEvent) refuse('enrollmentEvent', { es: 'Elige el cambio de la inscripción que envía el correo.', en: 'Choose the enrollment change that sends the email.' })
  if (itemTime && ATTENDANCE_AUDIENCES.includes(rule.audience) && (rule.trigger === 'before_start' || rule.trigger === 'before_end'))
    refuse('audience', {
      es: 'La asistencia solo se conoce después del inicio: usa «Después del inicio» o «Después del final».',
      en: 'Attendance is known only after the start: use “After the start” or “After the end”.',
    })
  if (itemTime && rule.timing === 'each_session' && (rule.scope === 'all_webinars' || (rule.scope === 'items' && !hasCourse(rule.items))))
    refuse('timing', { es: 'Los webinars no tienen sesiones: esta regla nunca se enviaría.', en: 'Webinars have no sessions: this rule would never send.' })
  if (rule.scope === 'items' && !listOf(rule.items).length) refuse('items', { es: 'Elige al menos un webinar o curso.', en: 'Choose at least one webinar or course.' })
  if (rule.scope === 'categories' && !listOf(rule.categories).length) refuse('categories', { es: 'Elige al menos una categoría.', en: 'Choose at least one category.' })

  const quiet = rule.quietHours as { enabled?: boolean; from?: unknown; until?: unknown } | undefined
  if (quiet?.enabled) {
    const from = parseClock(quiet.from)
    const until = parseClock(quiet.until)
    const clock: Bilingual = { es: 'Escribe la hora como HH:MM (24 h), p. ej. 22:00.', en: 'Write the time as HH:MM (24 h), e.g. 22:00.' }
    if (from === null) refuse('quietHours.from', clock)
    if (until === null) refuse('quietHours.until', clock)
    if (from !== null && from === until) refuse('quietHours.until', { es: 'Debe ser distinta de «Desde».', en: 'Must differ from “From”.' })
  }

  if (errors.length) throw new ValidationError({ collection: 'email-rules', errors })
  return data
}

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])
const hasCourse = (items: unknown) => listOf(items).some((each) => (each as { relationTo?: string })?.relationTo === 'courses')
