import type { PayloadRequest, TextareaFieldValidation, TextFieldSingleValidation } from 'payload'

import { CERTIFICATE_VARIABLES, unknownWordingVariables } from '../../certificates/pdf/wording'
import { say } from '../../i18n/say'

/** A `{{variable}}` the certificate does not have would print as typed: refuse it, naming what is allowed. */
export const wordingErrorFor = (value: unknown, language: Parameters<typeof say>[0]): string | null => {
  if (typeof value !== 'string') return null
  const unknown = unknownWordingVariables(value)
  if (!unknown.length) return null
  const names = unknown.map((name) => `{{${name}}}`).join(', ')
  const allowed = CERTIFICATE_VARIABLES.map((name) => `{{${name}}}`).join(', ')
  return say(language, {
    es: `El certificado no tiene la variable ${names}. Variables disponibles: ${allowed}`,
    en: `Certificates have no variable ${names}. Allowed: ${allowed}`,
  })
}

const wordingProblem = (value: unknown, req: PayloadRequest): string | true => {
  if (typeof value !== 'string' || !value.trim()) return say(req, { es: 'Escribe este texto.', en: 'Write this text.' })
  return wordingErrorFor(value, req) ?? true
}

/** Validators for every wording text (title, preamble: text; body: textarea): required, and known variables only. */
export const validateWordingText: TextFieldSingleValidation = (value, { req }) => wordingProblem(value, req)
export const validateWordingTextarea: TextareaFieldValidation = (value, { req }) => wordingProblem(value, req)

/** `#rrggbb`, the only form the PDF renderer reads. */
export const validateAccentColor: TextFieldSingleValidation = (value, { req }) =>
  value == null || value === '' || /^#[0-9a-f]{6}$/i.test(value) ? true : say(req, { es: 'Usa un color como #1f3a5f.', en: 'Use a colour like #1f3a5f.' })
