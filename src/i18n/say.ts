/**
 * Aula's own words, written in both admin languages side by side: `say(req, { es, en })`.
 * Spanish unless the person's admin language is English (Payload's `req.i18n.language`: the
 * `payload-lng` cookie set from the user's `language` at login, else Spanish; see src/i18n/README.md).
 * Validators receive `{ req }`, endpoints and hooks have `req`, client components pass `useTranslation().i18n.language`.
 * Both languages are required by the type, so no message can be written in one language only.
 */
export type Bilingual = { es: string; en: string }

export type AdminLanguage = keyof Bilingual

/** Anything that knows the language: a request (`req.i18n.language`), Payload's client `i18n`, or the language code itself. */
export type KnowsLanguage = { i18n?: { language?: string } } | { language?: string } | string | null | undefined

export const adminLanguage = (from: KnowsLanguage): AdminLanguage => {
  const language = typeof from === 'string' ? from : from && ('i18n' in from ? from.i18n?.language : 'language' in from ? from.language : undefined)
  return language === 'en' ? 'en' : 'es'
}

export const say = (from: KnowsLanguage, text: Bilingual): string => text[adminLanguage(from)]
