import type { Field, FieldAccess } from 'payload'

import { ATTENDANCE_SOURCES } from '../../attendance/types'

const nobody: FieldAccess = () => false

const sourceLabels: Record<string, { es: string; en: string }> = {
  roster: { es: 'Lista de clase', en: 'Roster' },
  api: { es: 'API', en: 'API' },
  import: { es: 'Reporte importado', en: 'Imported report' },
  check_in: { es: 'Código de asistencia', en: 'Check-in code' },
  admin: { es: 'Administración', en: 'Admin' },
}

/** One row per enrollment and session (a webinar: per enrollment). Written through src/attendance only. */
export const attendanceFields: Field[] = [
  {
    type: 'row',
    fields: [
      { name: 'enrollment', type: 'relationship', relationTo: 'enrollments', required: true, index: true, label: { es: 'Inscripción', en: 'Enrollment' }, access: { update: nobody } },
      // Copied from the enrollment: the item's staff read these rows, and reports count them per item.
      { name: 'item', type: 'relationship', relationTo: ['webinars', 'courses'], label: { es: 'Webinar o curso', en: 'Webinar or course' }, admin: { readOnly: true }, access: { create: nobody, update: nobody } },
      // Copied from the enrollment: a student reads their own rows.
      { name: 'user', type: 'relationship', relationTo: 'users', index: true, label: { es: 'Persona', en: 'Person' }, admin: { readOnly: true }, access: { create: nobody, update: nobody } },
    ],
  },
  {
    type: 'row',
    fields: [
      {
        name: 'sessionId',
        type: 'text',
        maxLength: 64,
        index: true,
        label: { es: 'Sesión (id)', en: 'Session (id)' },
        admin: { description: { es: 'Vacío en un webinar.', en: 'Empty for a webinar.' } },
        access: { update: nobody },
      },
      { name: 'present', type: 'checkbox', defaultValue: false, label: { es: 'Presente', en: 'Present' } },
      { name: 'minutesAttended', type: 'number', min: 0, max: 1440, label: { es: 'Minutos', en: 'Minutes' } },
    ],
  },
  {
    type: 'row',
    fields: [
      { name: 'source', type: 'select', required: true, defaultValue: 'admin', options: ATTENDANCE_SOURCES.map((value) => ({ value, label: sourceLabels[value] })), label: { es: 'Origen', en: 'Source' } },
      { name: 'recordedBy', type: 'relationship', relationTo: 'users', label: { es: 'Registrado por', en: 'Recorded by' }, admin: { readOnly: true }, access: { create: nobody, update: nobody } },
      { name: 'recordedAt', type: 'date', label: { es: 'Registrado el', en: 'Recorded at' }, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm' } }, access: { create: nobody, update: nobody } },
    ],
  },
  {
    // `<enrollment id>:<session id | "webinar">`: its unique index keeps two concurrent marks from making two rows.
    name: 'key',
    type: 'text',
    unique: true,
    admin: { hidden: true },
    access: { read: nobody, create: nobody, update: nobody },
  },
]
