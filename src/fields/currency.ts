import type { TextField } from 'payload'

import { isCurrencyCode } from '../utilities/isoCodes'

export const currencyField: TextField = {
  name: 'currency',
  type: 'text',
  required: true,
  defaultValue: 'USD',
  minLength: 3,
  maxLength: 3,
  label: { es: 'Moneda', en: 'Currency' },
  admin: {
    description: { es: 'Código ISO 4217, por ejemplo PEN, USD o EUR.', en: 'ISO 4217 code, e.g. PEN, USD or EUR.' },
  },
  hooks: { beforeValidate: [({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value)] },
  validate: (value: string | null | undefined) =>
    isCurrencyCode(value) || 'Currency must be an ISO 4217 code such as PEN, USD or EUR.',
}
