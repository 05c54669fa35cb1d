import type { GlobalConfig } from 'payload'

import { isAdmin, isStaff } from '../../access'
import { isCurrencyCode, isTimeZone } from '../../utilities/isoCodes'
import { DEFAULT_BUSINESS_SETTINGS } from '../../settings/businessSettings'

/**
 * Where the business is: the time zone staff read times in when an item has none of its own
 * (leads, payments, the dashboard), and the currency offered first. Staff read it; admins change it.
 * Text columns, not selects: ~400 zones and ~300 currencies do not belong in Postgres enums.
 */
export const BusinessSettings: GlobalConfig = {
  slug: 'business-settings',
  label: { es: 'Ajustes del negocio', en: 'Business settings' },
  admin: { group: { es: 'Configuración', en: 'Settings' } },
  access: { read: isStaff, update: isAdmin },
  fields: [
    {
      name: 'timezone',
      type: 'text',
      required: true,
      maxLength: 64,
      defaultValue: DEFAULT_BUSINESS_SETTINGS.timezone,
      label: { es: 'Zona horaria del negocio', en: 'Business time zone' },
      admin: {
        description: {
          es: 'Zona IANA, p. ej. America/Lima. Las fechas sin zona propia (prospectos, pagos, panel) se muestran en ella.',
          en: 'An IANA zone such as America/Lima. Dates without a zone of their own (leads, payments, dashboard) are shown in it.',
        },
      },
      validate: (value: string | null | undefined, { req }: { req: { i18n?: { language?: string } } }) =>
        isTimeZone(value) ||
        (req?.i18n?.language === 'en' ? 'Must be an IANA time zone such as America/Lima.' : 'Debe ser una zona horaria IANA, p. ej. America/Lima.'),
    },
    {
      name: 'defaultCurrency',
      type: 'text',
      required: true,
      maxLength: 3,
      defaultValue: DEFAULT_BUSINESS_SETTINGS.defaultCurrency,
      label: { es: 'Moneda por defecto', en: 'Default currency' },
      admin: { description: { es: 'Código ISO 4217 (PEN, USD, EUR…); aparece primera al elegir moneda.', en: 'ISO 4217 code (PEN, USD, EUR…); listed first wherever a currency is chosen.' } },
      validate: (value: string | null | undefined, { req }: { req: { i18n?: { language?: string } } }) =>
        isCurrencyCode(value) || (req?.i18n?.language === 'en' ? 'Must be an ISO 4217 currency code such as PEN.' : 'Debe ser un código de moneda ISO 4217, p. ej. PEN.'),
    },
  ],
}
