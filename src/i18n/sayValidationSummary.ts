import { en } from '@payloadcms/translations/languages/en'
import { type AfterErrorHook, ValidationError } from 'payload'

const ENGLISH_SUMMARIES = [en.translations.error.followingFieldsInvalid_one, en.translations.error.followingFieldsInvalid_other]

/**
 * A `ValidationError` thrown without Payload's `t` opens with English ("The following field is
 * invalid: lostReason"), and that line is the toast staff see on a failed save. Whoever threw it,
 * the summary is said again in the request's language; the field messages are already Aula's
 * bilingual ones (src/i18n/say.ts) and the field paths stay as they were.
 */
export const sayValidationSummary: AfterErrorHook = ({ error, req, result }) => {
  if (!(error instanceof ValidationError) || !req?.t || !result?.errors?.length) return
  const count = (error.data?.errors ?? []).length || 1
  const summary = req.t('error:followingFieldsInvalid', { count })
  const errors = result.errors.map((each) => {
    const message = typeof each.message === 'string' ? each.message : ''
    const english = ENGLISH_SUMMARIES.find((prefix) => message.startsWith(prefix))
    return english ? { ...each, message: `${summary}${message.slice(english.length)}` } : each
  })
  return { response: { ...result, errors } }
}
