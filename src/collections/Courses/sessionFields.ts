import type { Field } from 'payload'

import { staffOrEnrolledIn } from '../../access'
import { scheduleMessageFor } from '../../courses/validation/fieldMessages'
import { numberUpTo, optionalHttpUrl } from '../../fields/validators'
import { recordingUrlField, resourcesField } from '../../followUps/fields'

type ScheduleValidateOptions = Parameters<typeof scheduleMessageFor>[0]

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
        // Typed and shown in the course's zone, read from the form's `timezone` (src/components/dates/ZonedDateField.tsx).
        admin: { date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm' }, custom: { timeZoneFrom: 'timezone' } },
        // Outside the course's days, overlapping, new in the past (docs/courses.md, "Session rules").
        validate: (_value: unknown, options: ScheduleValidateOptions) => scheduleMessageFor(options),
      },
      { name: 'name', type: 'text', maxLength: 200, label: { es: 'Nombre', en: 'Name' } },
      {
        name: 'durationHours',
        type: 'number',
        defaultValue: 2,
        label: { es: 'Duración (horas)', en: 'Duration (hours)' },
        // One session lasts a day at most; its end time and calendar entry are computed from it.
        validate: numberUpTo(24),
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
        // Staff and students confirmed in this course read it (and get it by email); the public catalogue never shows it.
        access: { read: staffOrEnrolledIn('courses') },
        validate: (value: string | null | undefined, options: ScheduleValidateOptions) => {
          const url = optionalHttpUrl(value, options as never)
          // An online session about to start needs one (docs/courses.md, "Session rules").
          return url === true ? scheduleMessageFor(options) : url
        },
      },
    ],
  },
  { name: 'instructor', type: 'relationship', relationTo: 'speakers', label: { es: 'Instructor de la sesión', en: 'Session instructor' } },
  // After the session: sent in the course's follow-up (src/followUps), session by session.
  recordingUrlField('courses', { es: 'Se envía en el correo de seguimiento del curso.', en: "Sent in the course's follow-up email." }),
  resourcesField('courses', { es: 'Materiales de la sesión', en: 'Session resources' }),
]
