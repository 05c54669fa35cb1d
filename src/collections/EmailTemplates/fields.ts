import type { Field, TextareaFieldValidation, TextFieldValidation } from 'payload'

import { unknownVariables } from '../../email/renderTemplate'
import { unknownVariablesMessage } from '../../email/templateVariableErrors'
import { EMAIL_LOCALES, EMAIL_TEMPLATE_KEYS, isEmailTemplateKey } from '../../email/templateVariables'
import type { KnowsLanguage } from '../../i18n/say'
import { emailBodyEditor } from './editor'
import { templateKeyLabels } from './keyLabels'

/** Refuses `{{variables}}` the template's key does not provide, naming them (the save answers 400 on this field). */
const onlyAllowedVariables = (value: string | null | undefined, key: unknown, language: KnowsLanguage): true | string => {
  if (!value || !isEmailTemplateKey(key)) return true
  const unknown = unknownVariables(key, value)
  if (!unknown.length) return true
  return unknownVariablesMessage(key, unknown, language)
}

const validateSubject: TextFieldValidation = (value, { siblingData, req }) =>
  onlyAllowedVariables(value, (siblingData as { key?: unknown }).key, req)

const validateBody: TextareaFieldValidation = (value, { siblingData, req }) =>
  onlyAllowedVariables(value, (siblingData as { key?: unknown }).key, req)

export const emailTemplateFields: Field[] = [
  {
    type: 'row',
    fields: [
      {
        name: 'key',
        type: 'select',
        required: true,
        index: true,
        label: { es: 'Correo', en: 'Email' },
        options: EMAIL_TEMPLATE_KEYS.map((key) => ({ value: key, label: templateKeyLabels[key] })),
      },
      {
        name: 'locale',
        type: 'select',
        required: true,
        defaultValue: 'es',
        label: { es: 'Idioma', en: 'Language' },
        options: EMAIL_LOCALES.map((locale) => ({
          value: locale,
          label: locale === 'es' ? { es: 'Español', en: 'Spanish' } : { es: 'Inglés', en: 'English' },
        })),
      },
    ],
  },
  {
    name: 'subject',
    type: 'text',
    required: true,
    maxLength: 200,
    label: { es: 'Asunto', en: 'Subject' },
    validate: validateSubject,
  },
  {
    name: 'content',
    type: 'richText',
    label: { es: 'Cuerpo', en: 'Body' },
    editor: emailBodyEditor,
    admin: {
      description: {
        es: 'Escribe el correo como en un procesador de texto. Para insertar un dato (nombre, fecha, enlace), usa «+» o escribe «/» y elige «Variable»; para un botón, elige «Botón».',
        en: 'Write the email as in a word processor. To insert a value (name, date, link), use "+" or type "/" and choose "Variable"; for a button, choose "Button".',
      },
    },
  },
  {
    // Templates written before the rich-text editor. Still sent while `content` is empty (see renderTemplate).
    name: 'body',
    type: 'textarea',
    label: { es: 'Cuerpo anterior (HTML)', en: 'Previous body (HTML)' },
    admin: {
      rows: 12,
      condition: (data) => Boolean(data?.body),
      description: {
        es: 'Versión anterior en HTML: se envía mientras el cuerpo de arriba esté vacío. Al escribir el cuerpo de arriba, esta deja de usarse.',
        en: 'Previous HTML version: sent while the body above is empty. Once the body above is written, this one is no longer used.',
      },
    },
    validate: validateBody,
  },
  {
    name: 'preview',
    type: 'ui',
    label: { es: 'Vista previa', en: 'Preview' },
    admin: { components: { Field: '/src/components/EmailTemplatePreview#EmailTemplatePreview' } },
  },
]
