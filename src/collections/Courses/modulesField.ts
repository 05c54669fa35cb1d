import type { ArrayField } from 'payload'

import { nonNegativeInteger, numberUpTo, wholeNumberUpTo } from '../../fields/validators'
import { sessionFields } from './sessionFields'
import { validateModuleDate, validateModuleEndDate } from './validation'

const day = { date: { pickerAppearance: 'dayOnly' as const, displayFormat: 'dd/MM/yyyy' } }

/** The course plan as an ordered list staff can drag, collapse and fill in without writing HTML. */
export const modulesField: ArrayField = {
  name: 'modules',
  type: 'array',
  label: { es: 'Módulos', en: 'Modules' },
  labels: { singular: { es: 'Módulo', en: 'Module' }, plural: { es: 'Módulos', en: 'Modules' } },
  admin: {
    // New modules open ready to fill in; staff collapse what they are done with (Payload remembers it per person).
    initCollapsed: false,
    description: {
      es: 'Arrastra para ordenar. Las horas y sesiones se suman para la duración del curso si la dejas vacía.',
      en: "Drag to reorder. Hours and sessions add up to the course's duration when that is left empty.",
    },
    components: { RowLabel: '/src/components/ModuleRowLabel#ModuleRowLabel' },
  },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'moduleNumber',
          type: 'number',
          label: { es: 'N.º de módulo', en: 'Module number' },
          admin: { width: '20%', description: { es: 'Vacío = su posición.', en: 'Empty = its position.' } },
          validate: nonNegativeInteger,
        },
        { name: 'title', type: 'text', required: true, label: { es: 'Título', en: 'Title' }, admin: { width: '80%' } },
      ],
    },
    { name: 'objective', type: 'textarea', label: { es: 'Objetivo', en: 'Objective' } },
    {
      type: 'row',
      fields: [
        { name: 'hours', type: 'number', label: { es: 'Horas', en: 'Hours' }, validate: numberUpTo(10_000) },
        { name: 'weekNumber', type: 'number', label: { es: 'Semana', en: 'Week' }, validate: wholeNumberUpTo(520) },
        { name: 'startDate', type: 'date', label: { es: 'Inicio', en: 'Start date' }, admin: day, validate: validateModuleDate },
        { name: 'endDate', type: 'date', label: { es: 'Fin', en: 'End date' }, admin: day, validate: validateModuleEndDate },
      ],
    },
    {
      name: 'topics',
      type: 'text',
      hasMany: true,
      label: { es: 'Temas', en: 'Topics' },
      admin: { description: { es: 'Escribe un tema y pulsa Enter.', en: 'Type a topic and press Enter.' } },
    },
    {
      name: 'sessions',
      type: 'array',
      label: { es: 'Sesiones', en: 'Sessions' },
      labels: { singular: { es: 'Sesión', en: 'Session' }, plural: { es: 'Sesiones', en: 'Sessions' } },
      // Each row's `id` is Payload's array row id: it survives reordering and is what attendance,
      // reminders and calendar entries point at (docs/decisions/0009-course-sessions.md).
      admin: { initCollapsed: false, components: { RowLabel: '/src/components/ModuleRowLabel#SessionRowLabel' } },
      fields: sessionFields,
    },
  ],
}
