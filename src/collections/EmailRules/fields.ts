import type { Field } from 'payload'

import { RULE_TRIGGERS } from '../../automation/rules/types'
import { EMAIL_TEMPLATE_KEYS } from '../../email/templateVariables'
import { onlyApplicableWhen } from '../../fields/applicableOnlyWhen'
import { templateKeyLabels } from '../EmailTemplates/keyLabels'
import { audienceLabels, enrollmentEventLabels, offsetUnitLabels, optionsOf, scopeLabels, timingLabels, triggerLabels } from './labels'

type Data = Record<string, any>

const isEnrollmentChange = (data: Data) => data?.trigger === 'enrollment_change'
const isItemTime = (data: Data) => Boolean(data?.trigger) && RULE_TRIGGERS.includes(data.trigger) && !isEnrollmentChange(data)

export const emailRuleFields: Field[] = [
  {
    type: 'row',
    fields: [
      { name: 'name', type: 'text', required: true, maxLength: 200, label: { es: 'Nombre', en: 'Name' } },
      {
        name: 'active',
        type: 'checkbox',
        defaultValue: true,
        label: { es: 'Activa', en: 'Active' },
        admin: { description: { es: 'Desactívala para dejar de enviar este correo: los pendientes se cancelan.', en: 'Switch it off to stop sending this email: pending ones are cancelled.' } },
      },
    ],
  },
  {
    // Set only by the stock-rule seeder (src/automation/rules/seed.ts): it is the prefix of the dedupe keys the stock reminders had before rules existed.
    name: 'key',
    type: 'text',
    unique: true,
    label: { es: 'Clave (regla de fábrica)', en: 'Key (stock rule)' },
    access: { create: () => false, update: () => false },
    admin: { readOnly: true, position: 'sidebar', condition: (data) => Boolean(data?.key) },
  },
  {
    name: 'templateKey',
    type: 'select',
    required: true,
    label: { es: 'Correo que se envía', en: 'Email sent' },
    options: EMAIL_TEMPLATE_KEYS.map((key) => ({ value: key, label: templateKeyLabels[key] })),
  },
  {
    type: 'row',
    fields: [
      { name: 'trigger', type: 'select', required: true, defaultValue: 'before_start', label: { es: 'Cuándo', en: 'When' }, options: optionsOf(triggerLabels) },
      onlyApplicableWhen((data) => isEnrollmentChange(data), {
        name: 'enrollmentEvent',
        type: 'select',
        label: { es: 'Cambio de la inscripción', en: 'Enrollment change' },
        options: optionsOf(enrollmentEventLabels),
      }),
    ],
  },
  {
    type: 'row',
    fields: [
      {
        name: 'offsetAmount',
        type: 'number',
        required: true,
        defaultValue: 0,
        min: 0,
        label: { es: 'Cantidad', en: 'Amount' },
        admin: { description: { es: '0 = en el mismo momento. Como máximo un año.', en: '0 = at that very moment. At most one year.' } },
      },
      { name: 'offsetUnit', type: 'select', required: true, defaultValue: 'hours', label: { es: 'Unidad', en: 'Unit' }, options: optionsOf(offsetUnitLabels) },
    ],
  },
  onlyApplicableWhen((data) => isItemTime(data), {
    name: 'audience',
    type: 'select',
    defaultValue: 'confirmed',
    label: { es: 'Para quién', en: 'Audience' },
    options: optionsOf(audienceLabels),
  }),
  {
    type: 'row',
    fields: [
      { name: 'scope', type: 'select', required: true, defaultValue: 'all_webinars', label: { es: 'Para qué eventos', en: 'Which events' }, options: optionsOf(scopeLabels) },
      onlyApplicableWhen((data) => isItemTime(data), {
        name: 'timing',
        type: 'select',
        defaultValue: 'item',
        label: { es: 'Contar desde', en: 'Counted from' },
        options: optionsOf(timingLabels),
      }),
    ],
  },
  onlyApplicableWhen((data) => data?.scope === 'categories', {
    name: 'categories',
    type: 'relationship',
    relationTo: 'categories',
    hasMany: true,
    label: { es: 'Categorías', en: 'Categories' },
  }),
  onlyApplicableWhen((data) => data?.scope === 'items', {
    name: 'items',
    type: 'relationship',
    relationTo: ['webinars', 'courses'],
    hasMany: true,
    label: { es: 'Webinars o cursos', en: 'Webinars or courses' },
  }),
  {
    type: 'row',
    fields: [
      onlyApplicableWhen((data) => isItemTime(data), {
        name: 'onlineOnly',
        type: 'checkbox',
        defaultValue: false,
        label: { es: 'Solo sesiones en línea', en: 'Online sessions only' },
        admin: { description: { es: 'Los webinars siempre son en línea; en cursos omite las sesiones presenciales.', en: 'Webinars are always online; for courses, in-person sessions are skipped.' } },
      }),
      onlyApplicableWhen((data) => data?.trigger === 'before_start', {
        name: 'sendLateUntilStart',
        type: 'checkbox',
        defaultValue: false,
        label: { es: 'Enviar aunque se inscriba tarde', en: 'Send to late registrants' },
        admin: { description: { es: 'Quien se inscribe pasado el momento, pero antes del inicio, lo recibe al instante.', en: 'Someone registering after the moment, but before the start, gets it at once.' } },
      }),
    ],
  },
  {
    name: 'quietHours',
    type: 'group',
    label: { es: 'Horario sin envíos', en: 'Quiet hours' },
    admin: {
      description: {
        es: 'En la zona horaria de cada persona (si no tiene, la del evento). Lo que caiga dentro se envía en el primer minuto permitido.',
        en: 'In each person’s time zone (else the event’s). Anything falling inside goes out at the first allowed minute.',
      },
    },
    fields: [
      { name: 'enabled', type: 'checkbox', defaultValue: false, label: { es: 'No enviar en un horario', en: 'Do not send during a window' } },
      {
        type: 'row',
        fields: [
          // Stored empty while the window is off: Payload skips a hidden field's validation, so anything sent there was kept.
          onlyApplicableWhen((_, sibling) => Boolean(sibling?.enabled), { name: 'from', type: 'text', maxLength: 5, label: { es: 'Desde (HH:MM)', en: 'From (HH:MM)' }, admin: { placeholder: '22:00' } }),
          onlyApplicableWhen((_, sibling) => Boolean(sibling?.enabled), { name: 'until', type: 'text', maxLength: 5, label: { es: 'Hasta (HH:MM)', en: 'Until (HH:MM)' }, admin: { placeholder: '07:00' } }),
        ],
      },
    ],
  },
]
