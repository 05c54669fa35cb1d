/**
 * A test a staff member sends themselves from a template's page. Marked by its dedupe key, so the
 * log shows it (`email-log.isTest`), the worker skips the email's guard (there is no enrollment or
 * webinar behind it to check) and the subject says it is a test.
 */
export const TEST_EMAIL_PREFIX = 'template-test:'

export const isTestEmail = (dedupeKey: unknown): boolean => typeof dedupeKey === 'string' && dedupeKey.startsWith(TEST_EMAIL_PREFIX)

export const testSubject = (subject: string, locale: string): string => `${locale === 'en' ? '[Test]' : '[Prueba]'} ${subject}`
