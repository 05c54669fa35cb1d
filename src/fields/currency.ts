import type { TextField } from 'payload'

import { say } from '../i18n/say'
import { getBusinessSettings } from '../settings/businessSettings'
import { isCurrencyCode } from '../utilities/isoCodes'

export const currencyField: TextField = {
  name: 'currency',
  type: 'text',
  required: true,
  // A new webinar or course charges in the business's currency (business settings) unless staff pick another.
  defaultValue: async ({ req }) => (await getBusinessSettings(req.payload, req)).defaultCurrency,
  minLength: 3,
  maxLength: 3,
  label: { es: 'Moneda', en: 'Currency' },
  admin: {
    description: { es: 'La moneda del negocio aparece primera.', en: "The business's currency is listed first." },
    // A list instead of a code to type; the column still stores the ISO 4217 code.
    components: { Field: '/src/components/currency/CurrencySelectField#CurrencySelectField' },
  },
  hooks: { beforeValidate: [({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value)] },
  validate: (value: string | null | undefined, { req }) =>
    isCurrencyCode(value) || say(req, { es: 'La moneda debe ser un código ISO 4217, p. ej. PEN, USD o EUR.', en: 'Currency must be an ISO 4217 code such as PEN, USD or EUR.' }),
}

/** `admin.components` for a price beside a `currency` field: read back with that currency in the edit view and in list cells. */
export const priceWithCurrency = {
  Field: '/src/components/currency/PriceField#PriceField',
  Cell: '/src/components/currency/PriceCell#PriceCell',
}
