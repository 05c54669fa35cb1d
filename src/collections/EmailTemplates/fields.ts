import type { Field, TextareaFieldValidation, TextFieldValidation } from 'payload'

import { unknownVariables } from '../../email/renderTemplate'
import { ALLOWED_VARIABLES, EMAIL_LOCALES, EMAIL_TEMPLATE_KEYS, isEmailTemplateKey } from '../../email/templateVariables'
import { templateKeyLabels } from './keyLabels'

/** Refuses `{{variables}}` the template's key does not provide, naming them (the save answers 400 on this field). */
const onlyAllowedVariables = (value: string | null | undefined, key: unknown): true | string => {
  if (!value || !isEmailTemplateKey(key)) return true
  const unknown = unknownVariables(key, value)
  if (!unknown.length) return true
  return `Unknown variable ${unknown.map((name) => `{{${name}}}`).join(', ')} for "${key}". Allowed: ${ALLOWED_VARIABLES[key].join(', ')}`
}

const validateSubject: TextFieldValidation = (value, { siblingData }) =>
  onlyAllowedVariables(value, (siblingData as { key?: unknown }).key)

const validateBody: TextareaFieldValidation = (value, { siblingData }) =>
  onlyAllowedVariables(value, (siblingData as { key?: unknown }).key)

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
    name: 'body',
    type: 'textarea',
    required: true,
    label: { es: 'Cuerpo (HTML)', en: 'Body (HTML)' },
    admin: {
      rows: 16,
      description: {
        es: 'HTML con variables como {{firstName}} o {{ title }}. Los valores se escapan al enviar.',
        en: 'HTML with variables such as {{firstName}} or {{ title }}. Values are escaped when sent.',
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
