import type { Condition, Field } from 'payload'

import { LEAD_SOURCES, LEAD_STAGES, SEGMENT_ENROLLMENT_STATUSES, type SegmentKind } from '../../automation/campaigns/types'
import { optionsOf } from '../../crm/options'

const when =
  (...kinds: SegmentKind[]): Condition =>
  (_, siblingData) =>
    kinds.includes((siblingData as { kind?: SegmentKind })?.kind ?? 'enrolled')

const STATUS_LABELS: Record<(typeof SEGMENT_ENROLLMENT_STATUSES)[number], { es: string; en: string }> = {
  confirmed: { es: 'Confirmados', en: 'Confirmed' },
  attended: { es: 'Asistieron', en: 'Attended' },
  no_show: { es: 'No asistieron', en: 'No-shows' },
  completed: { es: 'Completaron el curso', en: 'Completed' },
  waitlisted: { es: 'En lista de espera', en: 'Waitlisted' },
}



/**
 * Who a campaign is for, built from lists instead of code (src/automation/campaigns/segmentSql.ts
 * turns it into one query). Only the fields of the chosen kind show; the others are ignored.
 */
export const segmentField: Field = {
  name: 'segment',
  type: 'group',
  label: { es: 'Destinatarios', en: 'Recipients' },
  admin: {
    description: {
      es: 'Solo reciben la campaña las personas con consentimiento para correos de marketing que no se dieron de baja.',
      en: 'Only people with marketing consent who have not unsubscribed get the campaign.',
    },
  },
  fields: [
    {
      name: 'kind',
      // A select, not a radio: Payload 3.88's radio does not re-run the conditions that show each kind's fields (payload#15929).
      type: 'select',
      required: true,
      defaultValue: 'enrolled',
      label: { es: 'Enviar a', en: 'Send to' },
      options: [
        { value: 'enrolled', label: { es: 'Personas inscritas en webinars o cursos', en: 'People enrolled in webinars or courses' } },
        { value: 'leads', label: { es: 'Prospectos', en: 'Leads' } },
        { value: 'lapsed_students', label: { es: 'Alumnos que no volvieron a inscribirse', en: 'Students who did not enroll again' } },
      ],
    },
    {
      name: 'items',
      type: 'relationship',
      relationTo: ['webinars', 'courses'],
      hasMany: true,
      label: { es: 'Webinars y cursos', en: 'Webinars and courses' },
      admin: {
        condition: when('enrolled', 'leads'),
        description: {
          es: 'Inscritos: en cualquiera de estos. Prospectos: interesados en alguno de estos. Vacío: todos.',
          en: 'Enrolled: in any of these. Leads: interested in any of these. Empty: all.',
        },
      },
    },
    {
      name: 'categories',
      type: 'relationship',
      relationTo: 'categories',
      hasMany: true,
      label: { es: 'Categorías', en: 'Categories' },
      admin: { condition: when('enrolled'), description: { es: 'O en cualquier webinar o curso de estas categorías.', en: 'Or in any webinar or course of these categories.' } },
    },
    {
      name: 'statuses',
      type: 'select',
      hasMany: true,
      defaultValue: ['confirmed'],
      label: { es: 'Estado de la inscripción', en: 'Enrollment status' },
      options: SEGMENT_ENROLLMENT_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] })),
      admin: { condition: when('enrolled') },
    },
    {
      type: 'row',
      admin: { condition: when('enrolled') },
      fields: [
        {
          name: 'from',
          type: 'date',
          label: { es: 'Que empezaron desde', en: 'Starting from' },
          admin: { condition: when('enrolled'), date: { pickerAppearance: 'dayOnly' } },
        },
        {
          name: 'until',
          type: 'date',
          label: { es: 'Hasta', en: 'Until' },
          admin: { condition: when('enrolled'), date: { pickerAppearance: 'dayOnly' } },
        },
      ],
    },
    {
      name: 'stages',
      type: 'select',
      hasMany: true,
      label: { es: 'Etapas', en: 'Stages' },
      options: optionsOf(LEAD_STAGES),
      admin: { condition: when('leads'), description: { es: 'Vacío: todas.', en: 'Empty: all.' } },
    },
    {
      name: 'sources',
      type: 'select',
      hasMany: true,
      label: { es: 'Orígenes', en: 'Sources' },
      options: optionsOf(LEAD_SOURCES),
      admin: { condition: when('leads'), description: { es: 'Vacío: todos.', en: 'Empty: all.' } },
    },
    {
      name: 'tags',
      type: 'text',
      hasMany: true,
      label: { es: 'Etiquetas', en: 'Tags' },
      admin: { condition: when('leads'), description: { es: 'Con cualquiera de estas etiquetas. Vacío: sin filtrar.', en: 'With any of these tags. Empty: no filter.' } },
    },
    {
      name: 'lastEnrolledBefore',
      type: 'date',
      label: { es: 'Sin inscribirse desde', en: 'Not enrolled since' },
      admin: {
        condition: when('lapsed_students'),
        date: { pickerAppearance: 'dayOnly' },
        description: {
          es: 'Personas con una inscripción confirmada anterior a esta fecha y ninguna desde entonces.',
          en: 'People with a confirmed enrollment before this date and none since.',
        },
      },
    },
  ],
}
