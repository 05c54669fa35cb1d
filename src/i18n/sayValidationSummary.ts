import { en } from '@payloadcms/translations/languages/en'
import { type AfterErrorHook, ValidationError } from 'payload'

import { bilingualFieldMessages } from '../endpoints/parseInput'
import { say } from './say'

const ENGLISH_SUMMARIES = [en.translations.error.followingFieldsInvalid_one, en.translations.error.followingFieldsInvalid_other]

/**
 * A `ValidationError` thrown without Payload's `t` opens with English ("The following field is
 * invalid: lostReason"), and that line is the toast staff see on a failed save. Whoever threw it,
 * the summary is said again in the request's language; the field messages are already Aula's
 * bilingual ones (src/i18n/say.ts), or, for the input checks of Aula's endpoints (parseInput), chosen
 * here; the field paths stay as they were.
 */
export const sayValidationSummary: AfterErrorHook = ({ error, req, result }) => {
  if (!(error instanceof ValidationError) || !req?.t || !result?.errors?.length) return
  const count = (error.data?.errors ?? []).length || 1
  const summary = req.t('error:followingFieldsInvalid', { count })
  const errors = result.errors.map((each) => {
    const message = typeof each.message === 'string' ? each.message : ''
    const english = ENGLISH_SUMMARIES.find((prefix) => message.startsWith(prefix))
    const said = english ? { ...each, message: `${summary}${message.slice(english.length)}` } : each
    return fieldMessagesSaid(said, error, req)
  })
  return { response: { ...result, errors } }
}

type ErrorEntry = { data?: { errors?: { path?: string; message?: string }[] } & Record<string, unknown> } & Record<string, unknown>

const fieldMessagesSaid = <E extends ErrorEntry>(entry: E, error: ValidationError, req: Parameters<AfterErrorHook>[0]['req']): E => {
  const bilingual = bilingualFieldMessages.get(error)
  if (!bilingual || !Array.isArray(entry.data?.errors)) return entry
  const errors = entry.data.errors.map((field) => {
    const message = field.path ? bilingual.get(field.path) : undefined
    return message ? { ...field, message: say(req, message) } : field
  })
  return { ...entry, data: { ...entry.data, errors } }
}
