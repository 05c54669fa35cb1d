import type { Field } from 'payload'

import { isStaffField } from '../../access'
import { currencyField, priceWithCurrency } from '../../fields/currency'
import { lastEditedByField } from '../../fields/lastEditedBy'
import { searchTextField } from '../../fields/searchText'
import { capacityField, seatsLeftField, seatsTakenField } from '../../fields/seats'
import { slugField } from '../../fields/slug'
import { validatePrice } from '../../fields/price'
import { numberUpTo } from '../../fields/validators'
import { currentPriceField, totalSessionsField } from './computed'
import { courseTimezoneField } from './timezoneField'
import { modulesField } from './modulesField'
import { COURSE_STATUSES, courseStatusLabels } from './statuses'
import { validateEarlyBirdDeadline, validateEarlyBirdPrice, validateEndDate } from './validation'
import { afterEventTab, followUpPanelField, followUpStateField } from '../../followUps/fields'
import { itemRulesOffField } from '../../automation/rules/itemRulesOffField'
import { itemEmailPlanField } from '../../automation/rules/timelineFields'
import { ratingFields } from '../../feedback/ratingFields'
import { itemSellingFields } from '../../commerce/itemSellingFields'

const day = { date: { pickerAppearance: 'dayOnly' as const, displayFormat: 'dd/MM/yyyy' } }

const content: Field[] = [
  { name: 'summary', type: 'textarea', maxLength: 500, label: { es: 'Resumen', en: 'Summary' } },
  { name: 'description', type: 'richText', label: { es: 'Descripción', en: 'Description' } },
  { name: 'objective', type: 'textarea', label: { es: 'Objetivo', en: 'Objective' } },
  {
    type: 'row',
    fields: [
      { name: 'category', type: 'relationship', relationTo: 'categories', index: true, label: { es: 'Categoría', en: 'Category' } },
      { name: 'instructors', type: 'relationship', relationTo: 'speakers', hasMany: true, label: { es: 'Instructores', en: 'Instructors' } },
    ],
  },
  {
    type: 'row',
    fields: [
      { name: 'image', type: 'upload', relationTo: 'media', label: { es: 'Imagen', en: 'Image' } },
      {
        name: 'syllabus',
        type: 'upload',
        relationTo: 'media',
        label: { es: 'Sílabo (PDF)', en: 'Syllabus (PDF)' },
        filterOptions: { mimeType: { equals: 'application/pdf' } },
      },
    ],
  },
]

const schedule: Field[] = [
  {
    type: 'row',
    fields: [
      {
        name: 'modality',
        type: 'select',
        required: true,
        defaultValue: 'online',
        label: { es: 'Modalidad', en: 'Modality' },
        options: [
          { value: 'online', label: { es: 'En línea', en: 'Online' } },
          { value: 'presential', label: { es: 'Presencial', en: 'In person' } },
          { value: 'hybrid', label: { es: 'Híbrido', en: 'Hybrid' } },
        ],
      },
      { name: 'location', type: 'text', label: { es: 'Lugar', en: 'Location' } },
      courseTimezoneField,
    ],
  },
  {
    name: 'schedule',
    type: 'text',
    label: { es: 'Horario', en: 'Schedule' },
    admin: { description: { es: 'Por ejemplo: martes y jueves de 19:00 a 21:00 (hora de Lima).', en: 'E.g. Tuesdays and Thursdays 7–9 pm (Lima time).' } },
  },
  {
    type: 'row',
    fields: [
      { name: 'startDate', type: 'date', index: true, label: { es: 'Fecha de inicio', en: 'Start date' }, admin: day },
      { name: 'endDate', type: 'date', label: { es: 'Fecha de fin', en: 'End date' }, admin: day, validate: validateEndDate },
      {
        name: 'durationHours',
        type: 'number',
        label: { es: 'Duración (horas)', en: 'Duration (hours)' },
        admin: { description: { es: 'Vacío = suma de los módulos.', en: 'Empty = sum of the modules.' } },
        validate: numberUpTo(10_000),
      },
    ],
  },
  modulesField,
  {
    name: 'completionThreshold',
    type: 'number',
    defaultValue: 80,
    min: 1,
    max: 100,
    label: { es: 'Asistencia para aprobar (%)', en: 'Attendance to complete (%)' },
    admin: {
      description: {
        es: 'Porcentaje de las horas de sesión al que debe asistir un estudiante para completar el curso.',
        en: 'Share of session hours a student must attend to complete the course.',
      },
    },
  },
]

const pricing: Field[] = [
  {
    type: 'row',
    fields: [
      { name: 'regularPrice', type: 'number', label: { es: 'Precio regular', en: 'Regular price' }, admin: { components: priceWithCurrency }, validate: validatePrice },
      currencyField,
    ],
  },
  {
    type: 'row',
    fields: [
      { name: 'earlyBirdPrice', type: 'number', label: { es: 'Precio preventa', en: 'Early-bird price' }, admin: { components: priceWithCurrency }, validate: validateEarlyBirdPrice },
      {
        name: 'earlyBirdDeadline',
        type: 'date',
        label: { es: 'Fin de la preventa', en: 'Early-bird deadline' },
        admin: {
          date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm' },
          description: { es: 'Desde este momento se cobra el precio regular.', en: 'From this moment the regular price applies.' },
        },
        validate: validateEarlyBirdDeadline,
      },
    ],
  },
  capacityField,
  ...itemSellingFields,
]

export const courseFields: Field[] = [
  {
    type: 'row',
    fields: [
      { name: 'title', type: 'text', required: true, maxLength: 200, label: { es: 'Título', en: 'Title' }, admin: { width: '70%' } },
      {
        name: 'courseCode',
        type: 'text',
        required: true,
        unique: true,
        maxLength: 40,
        label: { es: 'Código del curso', en: 'Course code' },
        admin: { width: '30%' },
        hooks: { beforeValidate: [({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value)] },
      },
    ],
  },
  {
    type: 'tabs',
    tabs: [
      { label: { es: 'Contenido', en: 'Content' }, fields: content },
      { label: { es: 'Fechas y módulos', en: 'Dates and modules' }, fields: schedule },
      { label: { es: 'Precio y cupos', en: 'Price and seats' }, fields: pricing },
      afterEventTab('courses'),
    ],
  },
  slugField('title'),
  {
    name: 'status',
    type: 'select',
    required: true,
    defaultValue: 'draft',
    index: true,
    label: { es: 'Estado', en: 'Status' },
    options: COURSE_STATUSES.map((value) => ({ value, label: courseStatusLabels[value] })),
    admin: { position: 'sidebar' },
  },
  {
    name: 'manualStatus',
    type: 'checkbox',
    defaultValue: false,
    label: { es: 'Mantener el estado que elijo', en: 'Keep the status I choose' },
    admin: {
      position: 'sidebar',
      description: {
        es: 'Si no está marcado, el curso pasa solo a «En curso» al empezar la primera sesión y a «Finalizado» al terminar la última.',
        en: 'When unticked the course moves to In progress when its first session starts and to Completed when its last one ends.',
      },
    },
  },
  {
    // Raised on every schedule change the students are told about, so calendars replace old entries.
    name: 'scheduleSequence',
    type: 'number',
    defaultValue: 0,
    admin: { hidden: true },
    access: { create: () => false, update: () => false },
  },
  {
    // What the students were last told about the sessions (src/courses/notify): a delayed check compares
    // the sessions with it, so several saves make one "schedule changed" email and a change undone makes none.
    name: 'notifiedSessions',
    type: 'json',
    admin: { hidden: true },
    access: { read: isStaffField, create: () => false, update: () => false },
  },
  seatsTakenField,
  seatsLeftField,
  currentPriceField,
  totalSessionsField,
  followUpStateField,
  followUpPanelField,
  itemRulesOffField,
  itemEmailPlanField,
  lastEditedByField,
  searchTextField(['title', 'summary']),
  ...ratingFields,
]
