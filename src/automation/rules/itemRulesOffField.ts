import type { RelationshipField } from 'payload'

import { isStaffField } from '../../access'

/**
 * Rules switched off for one webinar or course (the rule keeps running everywhere else). Changing it
 * re-plans that item's queued emails; the send-time guard also refuses a row whose rule is in it.
 */
export const itemRulesOffField: RelationshipField = {
  name: 'emailRulesOff',
  type: 'relationship',
  relationTo: 'email-rules',
  hasMany: true,
  label: { es: 'Correos automáticos desactivados para este evento', en: 'Automatic emails switched off for this event' },
  access: { read: isStaffField, create: isStaffField, update: isStaffField },
  admin: {
    position: 'sidebar',
    description: { es: 'Estas reglas no enviarán nada a los inscritos de este evento.', en: 'These rules send nothing to this event’s registrants.' },
  },
}
