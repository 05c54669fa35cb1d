import type { Field } from 'payload'

import { marketingConsentField } from '../../automation/consent/consentField'
import { INTERACTION_TYPES, LEAD_SOURCES, LEAD_STAGES, LEAD_TYPES, optionsOf } from '../../crm/options'
import { ownPersonSearchTextField } from '../../people/personSearch'
import { timelineField } from '../../people/timelineField'
import { erasePersonButtonField } from '../../privacy/erasure/fields'
import { exportPersonalDataField } from '../../privacy/export/field'

/** Fields the server computes; staff see them but never type them (hooks overwrite anything sent). */
const computed = { readOnly: true } as const

const interactionFields: Field[] = [
  {
    type: 'row',
    fields: [
      { name: 'type', type: 'select', required: true, defaultValue: 'call', options: optionsOf(INTERACTION_TYPES), label: { es: 'Tipo', en: 'Type' } },
      { name: 'at', type: 'date', label: { es: 'Fecha', en: 'When' }, admin: { ...computed, date: { pickerAppearance: 'dayAndTime' } } },
      { name: 'by', type: 'relationship', relationTo: 'users', label: { es: 'Por', en: 'By' }, admin: computed },
    ],
  },
  { name: 'summary', type: 'textarea', required: true, maxLength: 5000, label: { es: 'Resumen', en: 'Summary' } },
  { name: 'outcome', type: 'text', maxLength: 500, label: { es: 'Resultado', en: 'Outcome' } },
  {
    type: 'row',
    fields: [
      { name: 'nextAction', type: 'text', maxLength: 500, label: { es: 'Próxima acción', en: 'Next action' } },
      { name: 'nextActionAt', type: 'date', label: { es: 'Fecha de la próxima acción', en: 'Next action date' }, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    ],
  },
]

const contactFields: Field[] = [
  {
    type: 'row',
    fields: [
      { name: 'firstName', type: 'text', required: true, maxLength: 100, label: { es: 'Nombre', en: 'First name' } },
      { name: 'lastName', type: 'text', required: true, maxLength: 100, label: { es: 'Apellidos', en: 'Last name' } },
    ],
  },
  {
    type: 'row',
    fields: [
      // Not unique: a person who comes back after a won or lost deal starts a new lead.
      { name: 'email', type: 'email', required: true, index: true, label: { es: 'Correo', en: 'Email' } },
      { name: 'phone', type: 'text', maxLength: 40, label: { es: 'Teléfono', en: 'Phone' } },
    ],
  },
  {
    type: 'row',
    fields: [
      { name: 'company', type: 'text', maxLength: 200, label: { es: 'Empresa', en: 'Company' } },
      { name: 'position', type: 'text', maxLength: 200, label: { es: 'Cargo', en: 'Position' } },
    ],
  },
]

const requestFields: Field[] = [
  {
    type: 'row',
    fields: [
      { name: 'type', type: 'select', required: true, defaultValue: 'individual', index: true, options: optionsOf(LEAD_TYPES), label: { es: 'Tipo', en: 'Type' } },
      { name: 'headcount', type: 'number', min: 1, max: 100000, admin: { step: 1 }, label: { es: 'Número de personas', en: 'Headcount' } },
    ],
  },
  { name: 'interest', type: 'relationship', relationTo: ['courses', 'webinars'], label: { es: 'Interés', en: 'Interested in' } },
  { name: 'message', type: 'textarea', maxLength: 5000, label: { es: 'Mensaje', en: 'Message' } },
  { name: 'preferredDates', type: 'text', maxLength: 500, label: { es: 'Fechas preferidas', en: 'Preferred dates' } },
  {
    type: 'collapsible',
    label: { es: 'Campaña (UTM)', en: 'Campaign (UTM)' },
    admin: { initCollapsed: true },
    fields: (['utmSource', 'utmMedium', 'utmCampaign', 'utmTerm', 'utmContent'] as const).map((name) => ({
      name,
      type: 'text' as const,
      maxLength: 200,
      label: { es: name.replace('utm', 'UTM '), en: name.replace('utm', 'UTM ') },
    })),
  },
]

const pipelineFields: Field[] = [
  { name: 'stage', type: 'select', required: true, defaultValue: 'new', index: true, options: optionsOf(LEAD_STAGES), label: { es: 'Etapa', en: 'Stage' }, admin: { position: 'sidebar' } },
  {
    name: 'lostReason',
    type: 'text',
    maxLength: 500,
    label: { es: 'Motivo de pérdida', en: 'Lost reason' },
    admin: { position: 'sidebar', condition: (data) => data?.stage === 'lost' || Boolean(data?.lostReason) },
  },
  {
    name: 'assignedTo',
    type: 'relationship',
    relationTo: 'users',
    index: true,
    filterOptions: { roles: { contains: 'sales' } },
    label: { es: 'Asignado a', en: 'Assigned to' },
    admin: { position: 'sidebar', description: { es: 'Ventas solo puede tomar un prospecto sin asignar.', en: 'Sales can only take an unassigned lead.' } },
  },
  {
    name: 'convert',
    type: 'ui',
    admin: { position: 'sidebar', components: { Field: '/src/components/ConvertLeadButton#ConvertLeadButton' } },
  },
  { name: 'score', type: 'number', min: 0, max: 100, index: true, label: { es: 'Puntuación', en: 'Score' }, admin: { ...computed, position: 'sidebar' } },
  {
    name: 'scoreReasons',
    type: 'array',
    label: { es: 'Motivos de la puntuación', en: 'Score reasons' },
    labels: { singular: { es: 'Motivo', en: 'Reason' }, plural: { es: 'Motivos', en: 'Reasons' } },
    admin: { ...computed, position: 'sidebar' },
    fields: [
      { type: 'row', fields: [{ name: 'reason', type: 'text', label: { es: 'Motivo', en: 'Reason' } }, { name: 'points', type: 'number', label: { es: 'Puntos', en: 'Points' } }] },
    ],
  },
  { name: 'source', type: 'select', defaultValue: 'web_form', options: optionsOf(LEAD_SOURCES), label: { es: 'Origen', en: 'Source' }, admin: { position: 'sidebar' } },
  // Campaigns reach only leads who said yes (src/automation/consent, docs/automation.md).
  marketingConsentField(),
  { name: 'nextActionAt', type: 'date', index: true, label: { es: 'Próxima acción', en: 'Next action' }, admin: { ...computed, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' }, description: { es: 'La de la interacción más reciente.', en: 'From the latest interaction.' } } },
  { name: 'lastContactedAt', type: 'date', label: { es: 'Último contacto', en: 'Last contacted' }, admin: { ...computed, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } } },
  { name: 'convertedAt', type: 'date', label: { es: 'Convertido el', en: 'Converted at' }, admin: { ...computed, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } } },
  // Round-robin position; see docs/decisions/0005-lead-round-robin.md.
  { name: 'assignmentSequence', type: 'number', index: true, admin: { hidden: true }, access: { create: () => false, update: () => false } },
]

export const leadFields: Field[] = [
  ...pipelineFields,
  {
    type: 'tabs',
    tabs: [
      { label: { es: 'Contacto', en: 'Contact' }, fields: [...contactFields, ...requestFields] },
      {
        label: { es: 'Seguimiento', en: 'Follow-up' },
        fields: [
          {
            name: 'interactions',
            type: 'array',
            label: { es: 'Interacciones', en: 'Interactions' },
            labels: { singular: { es: 'Interacción', en: 'Interaction' }, plural: { es: 'Interacciones', en: 'Interactions' } },
            fields: interactionFields,
          },
          { name: 'notes', type: 'textarea', maxLength: 20000, label: { es: 'Notas', en: 'Notes' } },
          { name: 'tags', type: 'text', hasMany: true, maxLength: 50, label: { es: 'Etiquetas', en: 'Tags' } },
        ],
      },
      {
        label: { es: 'Historial', en: 'History' },
        fields: [
          {
            name: 'stageHistory',
            type: 'array',
            label: { es: 'Cambios de etapa', en: 'Stage changes' },
            labels: { singular: { es: 'Cambio', en: 'Change' }, plural: { es: 'Cambios', en: 'Changes' } },
            admin: { ...computed, description: { es: 'Cada cambio de etapa; los retrocesos quedan marcados.', en: 'Every stage change; steps back are flagged.' } },
            fields: [
              {
                type: 'row',
                fields: [
                  { name: 'from', type: 'select', options: optionsOf(LEAD_STAGES), label: { es: 'De', en: 'From' } },
                  { name: 'to', type: 'select', options: optionsOf(LEAD_STAGES), label: { es: 'A', en: 'To' } },
                  { name: 'movedBack', type: 'checkbox', label: { es: 'Retroceso', en: 'Moved back' } },
                ],
              },
              { type: 'row', fields: [{ name: 'at', type: 'date', label: { es: 'Fecha', en: 'When' }, admin: { date: { pickerAppearance: 'dayAndTime' } } }, { name: 'by', type: 'relationship', relationTo: 'users', label: { es: 'Por', en: 'By' } }] },
            ],
          },
          {
            name: 'enrollments',
            type: 'relationship',
            relationTo: 'enrollments',
            hasMany: true,
            label: { es: 'Inscripciones', en: 'Enrollments' },
            admin: { ...computed, description: { es: 'Creadas al convertir el prospecto.', en: 'Created by converting the lead.' } },
          },
        ],
      },
      // Everything about this person in time order, with their account when they have one (src/people).
      { label: { es: 'Cronología', en: 'Timeline' }, fields: [timelineField()] },
    ],
  },
  // Name, email and company folded, for the list search (src/people/personSearch.ts).
  ownPersonSearchTextField(),
  // "Exportar datos personales" (src/privacy/export, docs/privacy.md).
  exportPersonalDataField(),
  // "Borrar datos personales" (src/privacy/erasure, docs/privacy.md).
  erasePersonButtonField,
]
