import type { Block, TextFieldSingleValidation } from 'payload'

import { BUTTON_BLOCK, VARIABLE_BLOCK } from '../../email/templateBody/nodes'
import { ALLOWED_VARIABLES } from '../../email/templateVariables'
import { variableLabels } from '../../email/variableLabels'
import { say } from '../../i18n/say'

const everyVariable = [...new Set(Object.values(ALLOWED_VARIABLES).flat())].sort()

/** A variable picked from `names` instead of typed, shown as a chip in the text (`Field`: a narrower picker). */
export const variableBlockOf = (names: readonly string[], Field?: string): Block => ({
  slug: VARIABLE_BLOCK,
  labels: { singular: { es: 'Variable', en: 'Variable' }, plural: { es: 'Variables', en: 'Variables' } },
  admin: { components: { Label: '/src/components/emailTemplates/VariableChip#VariableChip' } },
  fields: [
    {
      name: 'variable',
      type: 'select',
      required: true,
      label: { es: 'Dato que se inserta', en: 'Value to insert' },
      options: names.map((name) => ({ value: name, label: variableLabels[name] ?? name })),
      ...(Field ? { admin: { components: { Field } } } : {}),
    },
  ],
})

/**
 * A template's variable. The list shown is narrowed to the template's own email by the field
 * component; the save checks it again (hooks/rejectUnknownVariables).
 */
export const VariableBlock = variableBlockOf(everyVariable, '/src/components/emailTemplates/VariableSelect#VariableSelect')

const STARTS_WITH_VARIABLE = /^\{\{\s*[A-Za-z][A-Za-z0-9_]*\s*\}\}\S*$/
const ABSOLUTE = /^(https?:\/\/|mailto:)\S+$/i

/** An address, or one made of variables (`{{cancelUrl}}`), which only exist once the email is sent. */
const validateButtonUrl: TextFieldSingleValidation = (value, { req }) => {
  const url = String(value ?? '').trim()
  if (!url) return say(req, { es: 'Escribe la dirección del botón.', en: 'Enter the button address.' })
  if (STARTS_WITH_VARIABLE.test(url) || ABSOLUTE.test(url)) return true
  return say(req, {
    es: 'La dirección debe empezar con https:// o ser una variable como {{cancelUrl}}.',
    en: 'The address must start with https:// or be a variable such as {{cancelUrl}}.',
  })
}

/** A call to action staff can place without HTML: rendered as a link styled as a button. */
export const ButtonBlock: Block = {
  slug: BUTTON_BLOCK,
  labels: { singular: { es: 'Botón', en: 'Button' }, plural: { es: 'Botones', en: 'Buttons' } },
  fields: [
    { name: 'label', type: 'text', required: true, maxLength: 80, label: { es: 'Texto del botón', en: 'Button text' } },
    {
      name: 'url',
      type: 'text',
      required: true,
      label: { es: 'Dirección (URL)', en: 'Address (URL)' },
      validate: validateButtonUrl,
      admin: {
        description: {
          es: 'https://… o una variable de este correo, por ejemplo {{cancelUrl}} o {{itemUrl}}.',
          en: 'https://… or a variable of this email, such as {{cancelUrl}} or {{itemUrl}}.',
        },
      },
    },
  ],
}
