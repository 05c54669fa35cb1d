import { APIError, type PayloadRequest } from 'payload'

import { renderTemplate } from '../../email/renderTemplate'
import { type EmailLocale, toEmailLocale } from '../../email/templateVariables'
import { say } from '../../i18n/say'
import type { Participant, ParticipantItem } from '../listParticipants'
import { messageVariables, type StaffMessage, versionFor } from './compose'

async function findTemplate(req: PayloadRequest, locale: EmailLocale) {
  const { docs } = await req.payload.find({
    collection: 'email-templates',
    where: { key: { equals: 'participants_message' } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return docs.find((doc) => doc.locale === locale) ?? docs.find((doc) => doc.locale === 'es') ?? docs[0]
}

/** The email as each language's first recipient (or the staff member, when nobody reads it) will see it. */
export async function previewMessage(req: PayloadRequest, item: ParticipantItem, message: StaffMessage, recipients: Participant[], staffLanguage: EmailLocale) {
  const byLanguage: Partial<Record<EmailLocale, number>> = {}
  for (const person of recipients) {
    const locale = versionFor(message, person.language, staffLanguage)
    byLanguage[locale] = (byLanguage[locale] ?? 0) + 1
  }
  const me = req.user as unknown as { firstName?: string; lastName?: string; email: string }
  const rendered: Partial<Record<EmailLocale, { subject: string; html: string; to: string }>> = {}
  for (const locale of Object.keys(message) as EmailLocale[]) {
    const sample = recipients.find((person) => versionFor(message, person.language, staffLanguage) === locale) ?? { firstName: me.firstName ?? '', lastName: me.lastName ?? '', email: me.email }
    const template = await findTemplate(req, locale)
    if (!template) throw new APIError(say(req, { es: 'Falta la plantilla de correo "Mensaje a participantes": créala en Plantillas de correo.', en: 'The "participants_message" email template is missing: add it under Email templates.' }), 409, undefined, true)
    const email = renderTemplate(template, messageVariables(message, locale, item, sample), toEmailLocale(template.locale))
    rendered[locale] = { ...email, to: sample.email }
  }
  return {
    recipients: recipients.length,
    byLanguage,
    sample: recipients.slice(0, 10).map(({ enrollmentId, name, email, language, status }) => ({ enrollmentId, name, email, language, status })),
    rendered,
  }
}
