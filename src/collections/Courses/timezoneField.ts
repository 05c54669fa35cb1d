import type { PayloadRequest, TextField } from 'payload'

import { ianaTimeZone } from '../../fields/validators'
import { getBusinessSettings } from '../../settings/businessSettings'
import { TIME_ZONES } from '../../utilities/isoCodes'

/**
 * The course's IANA time zone: every session is typed, shown, mailed and put in calendars in it.
 * A new course starts in the business zone (Ajustes del negocio), like a new webinar.
 */
export const courseTimezoneField: TextField = {
  name: 'timezone',
  type: 'text',
  required: true,
  label: { es: 'Zona horaria', en: 'Time zone' },
  defaultValue: async ({ req }: { req: PayloadRequest }) => (req?.payload ? (await getBusinessSettings(req.payload, req)).timezone : 'America/Lima'),
  validate: ianaTimeZone(),
  admin: {
    description: { es: `Por ejemplo America/Lima o Europe/Madrid (${TIME_ZONES.length} zonas).`, en: `E.g. America/Lima or Europe/Madrid (${TIME_ZONES.length} zones).` },
  },
}
