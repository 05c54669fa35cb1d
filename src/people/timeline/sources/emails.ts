import { renderTemplate } from '../../../email/renderTemplate'
import { DEFAULT_EMAIL_LOCALE, toEmailLocale } from '../../../email/templateVariables'
import { optionLabel } from '../optionLabel'
import { asCaller, type Doc, ROWS_PER_SOURCE, type TimelineContext, type TimelineSource } from '../types'

/** The templates the rows use, in one query (never one per email). */
async function templatesFor({ req }: TimelineContext, rows: Doc[]): Promise<(key: string, locale: string) => Doc | undefined> {
  const keys = [...new Set(rows.map((row) => row.templateKey).filter(Boolean))]
  if (!keys.length) return () => undefined
  const { docs } = await req.payload.find({ collection: 'email-templates', where: { key: { in: keys } }, pagination: false, ...asCaller(req) })
  const byKey = (key: string, locale: string) => (docs as Doc[]).find((doc) => doc.key === key && doc.locale === locale)
  return (key, locale) => byKey(key, locale) ?? byKey(key, DEFAULT_EMAIL_LOCALE)
}

/**
 * Emails sent to the person's address, each with its message rendered from the logged variables as
 * the caller may read them: for anyone but an admin the log's signed links (cancel, pay, confirm)
 * already read `[hidden]`, and so does the rendered message. Sales, who may not read the email log,
 * get this source reported as hidden.
 */
export const emailsSource: TimelineSource = {
  name: 'emails',
  label: { es: 'Correos', en: 'Emails' },
  appliesTo: ['user', 'lead'],
  async load(context) {
    const { req, subject, language } = context
    const address = String(subject.doc.email ?? '').trim().toLowerCase()
    if (!address) return []
    const { docs } = await req.payload.find({
      collection: 'email-log',
      where: { to: { equals: address } },
      sort: '-createdAt',
      limit: ROWS_PER_SOURCE,
      ...asCaller(req),
      select: { to: true, templateKey: true, locale: true, subject: true, variables: true, status: true, sentAt: true, scheduledFor: true, createdAt: true },
    })
    const templateFor = await templatesFor(context, docs as Doc[])
    return (docs as Doc[]).map((row) => {
      const template = templateFor(row.templateKey, row.locale)
      const rendered = template ? renderTemplate(template as Parameters<typeof renderTemplate>[0], (row.variables ?? {}) as Record<string, unknown>, toEmailLocale(template.locale)) : undefined
      const status = optionLabel(req, 'email-log', ['status'], row.status, language)
      const subjectLine = String(row.subject ?? rendered?.subject ?? optionLabel(req, 'email-log', ['templateKey'], row.templateKey, language))
      return {
        // A reminder waiting for its day sits at that day, not at the moment it was queued.
        at: row.sentAt ?? row.scheduledFor ?? row.createdAt,
        source: 'emails',
        title: `${language === 'en' ? 'Email' : 'Correo'}: ${subjectLine}`,
        detail: status,
        link: { collection: 'email-log', id: row.id },
        email: { to: String(row.to ?? ''), subject: subjectLine, html: rendered?.html ?? '', status },
      }
    })
  },
}
