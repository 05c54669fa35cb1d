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
    // A searchable list of the zones (TIME_ZONES), stored as the same text.
    components: { Field: '/src/components/dates/TimeZoneSelectField#TimeZoneSelectField' },
    description: {
      es: `Las sesiones se escriben y se muestran en esta zona. Escribe para buscar: «Lima», «Madrid» (${TIME_ZONES.length} zonas).`,
      en: `Sessions are typed and shown in this zone. Type to search: “Lima”, “Madrid” (${TIME_ZONES.length} zones).`,
    },
  },
}
