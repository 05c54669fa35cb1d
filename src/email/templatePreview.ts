import type { PayloadRequest } from 'payload'

import { renderTemplate, type StoredTemplate } from './renderTemplate'
import { DEFAULT_EMAIL_LOCALE, EMAIL_LOCALES, type EmailLocale, type EmailTemplateKey, SAMPLE_VARIABLES } from './templateVariables'
import { plainTextOf } from './withPlainTextPart'

export interface LanguagePreview {
  locale: EmailLocale
  /**
   * `draft`: the template being edited, as typed; `saved`: the other language's stored template;
   * `fallback`: no template in this language, so its readers get the Spanish one (as the worker does);
   * `missing`: nothing to show.
   */
  source: 'draft' | 'saved' | 'fallback' | 'missing'
  subject: string
  html: string
  text: string
}

const render = (template: StoredTemplate, locale: EmailLocale, source: LanguagePreview['source']): LanguagePreview => {
  const rendered = renderTemplate(template, SAMPLE_VARIABLES, locale)
  return { locale, source, subject: rendered.subject, html: rendered.html, text: plainTextOf(rendered.html) }
}

/**
 * The email in both languages, filled with sample data, as recipients would get it: the language
 * being edited from the unsaved draft, the other from what is stored for the same email.
 */
export async function previewInBothLanguages(
  req: PayloadRequest,
  draft: StoredTemplate & { key: EmailTemplateKey; locale: EmailLocale },
): Promise<Record<EmailLocale, LanguagePreview>> {
  const { docs } = await req.payload.find({
    collection: 'email-templates',
    where: { key: { equals: draft.key } },
    depth: 0,
    limit: EMAIL_LOCALES.length,
    pagination: false,
    overrideAccess: false,
    req,
  })
  const previews = {} as Record<EmailLocale, LanguagePreview>
  for (const locale of EMAIL_LOCALES) {
    const stored = docs.find((doc) => doc.locale === locale)
    if (locale === draft.locale) previews[locale] = render(draft, locale, 'draft')
    else if (stored) previews[locale] = render(stored, locale, 'saved')
    else if (locale !== DEFAULT_EMAIL_LOCALE) {
      const spanish = draft.locale === DEFAULT_EMAIL_LOCALE ? draft : docs.find((doc) => doc.locale === DEFAULT_EMAIL_LOCALE)
      previews[locale] = spanish ? render(spanish, DEFAULT_EMAIL_LOCALE, 'fallback') : { locale, source: 'missing', subject: '', html: '', text: '' }
    } else previews[locale] = { locale, source: 'missing', subject: '', html: '', text: '' }
  }
  return previews
}
