import type { Field } from 'payload'

import { isStaffField } from '../../access'
import { nonNegativeNumber, optionalHttpUrl } from '../../fields/validators'

/**
 * One class meeting: when (stored in UTC, typed and shown in the course's `timezone`), for how long,
 * where (a room for in-person, a link for online; hybrid may have both) and who teaches it.
 */
export const sessionFields: Field[] = [
  {
    type: 'row',
    fields: [
      {
        name: 'date',
        type: 'date',
        label: { es: 'Inicio (fecha y hora)', en: 'Starts (date and time)' },
        admin: { date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm' } },
      },
      { name: 'name', type: 'text', maxLength: 200, label: { es: 'Nombre', en: 'Name' } },
      {
        name: 'durationHours',
        type: 'number',
        defaultValue: 2,
        label: { es: 'Duración (horas)', en: 'Duration (hours)' },
        validate: nonNegativeNumber,
      },
    ],
  },
  {
    type: 'row',
    fields: [
      {
        name: 'modality',
        type: 'select',
        label: { es: 'Modalidad', en: 'Modality' },
        admin: { description: { es: 'Vacío = la del curso.', en: "Empty = the course's." } },
        options: [
          { value: 'online', label: { es: 'En línea', en: 'Online' } },
          { value: 'presential', label: { es: 'Presencial', en: 'In person' } },
          { value: 'hybrid', label: { es: 'Híbrido', en: 'Hybrid' } },
        ],
      },
      { name: 'location', type: 'text', maxLength: 300, label: { es: 'Lugar (aula, dirección)', en: 'Location (room, address)' } },
      {
        name: 'meetingLink',
        type: 'text',
        label: { es: 'Enlace de la reunión', en: 'Meeting link' },
        // Enrolled students get it by email; the public catalogue never shows it.
        access: { read: isStaffField },
        validate: optionalHttpUrl,
      },
    ],
  },
  { name: 'instructor', type: 'relationship', relationTo: 'speakers', label: { es: 'Instructor de la sesión', en: 'Session instructor' } },
]
