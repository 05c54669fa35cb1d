import type { GlobalConfig } from 'payload'

import { isAdmin } from '../../access'
import { DEFAULT_PRIVACY_SETTINGS } from '../../settings/privacySettings'

const years = (name: 'auditRetentionYears' | 'inactivityYears', label: { es: string; en: string }, description: { es: string; en: string }) => ({
  name,
  type: 'number' as const,
  required: true,
  min: 1,
  max: 50,
  defaultValue: DEFAULT_PRIVACY_SETTINGS[name],
  label,
  admin: { step: 1, description },
  validate: (value: number | null | undefined, { req }: { req: { i18n?: { language?: string } } }) =>
    (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 50) ||
    (req?.i18n?.language === 'en' ? 'Must be a whole number of years between 1 and 50.' : 'Debe ser un número entero de años entre 1 y 50.'),
})

/** How long the audit log keeps entries and when a person counts as inactive (docs/audit.md, docs/privacy.md). Admins only. */
export const PrivacySettings: GlobalConfig = {
  slug: 'privacy-settings',
  label: { es: 'Privacidad y auditoría', en: 'Privacy and audit' },
  admin: { group: { es: 'Configuración', en: 'Settings' } },
  access: { read: isAdmin, update: isAdmin },
  fields: [
    years(
      'auditRetentionYears',
      { es: 'Conservar el registro de auditoría (años)', en: 'Keep the audit log for (years)' },
      { es: 'Las entradas más antiguas se borran cada noche. Por defecto, 2 años.', en: 'Older entries are deleted every night. Default: 2 years.' },
    ),
    years(
      'inactivityYears',
      { es: 'Persona inactiva tras (años)', en: 'A person is inactive after (years)' },
      { es: 'Sin inicio de sesión, inscripción, pago ni contacto durante este tiempo: aparece en la revisión de Privacidad. Por defecto, 3 años.', en: 'No login, enrollment, payment or contact for this long: listed in the Privacy overview. Default: 3 years.' },
    ),
  ],
}
