import type { Field, FieldAccess, RichTextField, TextField } from 'payload'

import { CAMPAIGN_STATUSES } from '../../automation/campaigns/types'
import { CAMPAIGN_VARIABLES } from '../../automation/campaigns/variables'
import { variablesInContent } from '../../email/templateBody/variables'
import { hasContent } from '../../email/templateBody/nodes'
import { variablesIn } from '../../email/variableSyntax'
import { say } from '../../i18n/say'
import { campaignBodyEditor } from './editor'
import { segmentField } from './segmentField'

/** Written by the campaign's actions and its sender only (hooks/refuseStatusWrites.ts says why a caller may not). */
const serverOnly: { create: FieldAccess; update: FieldAccess } = { create: () => false, update: () => false }

const unknownIn = (names: string[]) => names.filter((name) => !(CAMPAIGN_VARIABLES as readonly string[]).includes(name))

const unknownMessage = (unknown: string[], req: Parameters<NonNullable<TextField['validate']>>[1]['req']) =>
  say(req, {
    es: `Variables que una campaña no conoce: ${unknown.map((name) => `{{${name}}}`).join(', ')}. Disponibles: ${CAMPAIGN_VARIABLES.join(', ')}.`,
    en: `Variables a campaign does not know: ${unknown.map((name) => `{{${name}}}`).join(', ')}. Available: ${CAMPAIGN_VARIABLES.join(', ')}.`,
  })

const subjectField = (name: 'subjectEs' | 'subjectEn', label: { es: string; en: string }): TextField => ({
  name,
  type: 'text',
  maxLength: 200,
  label,
  validate: (value, { req }) => {
    const unknown = unknownIn(variablesIn(String(value ?? '')))
    return unknown.length ? unknownMessage(unknown, req) : true
  },
})

const bodyField = (name: 'bodyEs' | 'bodyEn', label: { es: string; en: string }): RichTextField => ({
  name,
  type: 'richText',
  label,
  editor: campaignBodyEditor,
  validate: (value, { req }) => {
    if (!hasContent(value)) return true
    const unknown = unknownIn(variablesInContent(value))
    return unknown.length ? unknownMessage(unknown, req) : true
  },
  admin: {
    description: {
      es: 'Para insertar el nombre u otro dato usa «+» o escribe «/» y elige «Variable». Si el texto no incluye el enlace para darse de baja, se añade al final.',
      en: 'To insert the name or another value use "+" or type "/" and choose "Variable". If the text has no unsubscribe link, one is added at the end.',
    },
  },
})

const figure = (name: 'recipients' | 'sent' | 'failed' | 'unsubscribed', label: { es: string; en: string }): Field => ({
  name,
  type: 'number',
  defaultValue: 0,
  label,
  access: serverOnly,
  admin: { readOnly: true, position: 'sidebar' },
})

export const campaignFields: Field[] = [
  { name: 'name', type: 'text', required: true, maxLength: 160, label: { es: 'Nombre interno', en: 'Internal name' } },
  {
    type: 'tabs',
    tabs: [
      {
        label: { es: 'Contenido', en: 'Content' },
        fields: [
          subjectField('subjectEs', { es: 'Asunto (español)', en: 'Subject (Spanish)' }),
          bodyField('bodyEs', { es: 'Cuerpo (español)', en: 'Body (Spanish)' }),
          subjectField('subjectEn', { es: 'Asunto (inglés, opcional)', en: 'Subject (English, optional)' }),
          bodyField('bodyEn', { es: 'Cuerpo (inglés, opcional)', en: 'Body (English, optional)' }),
        ],
      },
      {
        label: { es: 'Destinatarios', en: 'Recipients' },
        fields: [
          segmentField,
          {
            name: 'audienceCount',
            type: 'ui',
            label: { es: 'Personas a las que llegará', en: 'People it will reach' },
            admin: { components: { Field: '/src/components/campaigns/SegmentCount#SegmentCount' } },
          },
        ],
      },
    ],
  },
  {
    name: 'status',
    type: 'select',
    required: true,
    defaultValue: 'draft',
    index: true,
    label: { es: 'Estado', en: 'Status' },
    access: serverOnly,
    options: CAMPAIGN_STATUSES.map((value) => ({
      value,
      label: {
        draft: { es: 'Borrador', en: 'Draft' },
        scheduled: { es: 'Programada', en: 'Scheduled' },
        sending: { es: 'Enviándose', en: 'Sending' },
        sent: { es: 'Enviada', en: 'Sent' },
        cancelled: { es: 'Cancelada', en: 'Cancelled' },
      }[value],
    })),
    admin: { readOnly: true, position: 'sidebar' },
  },
  {
    name: 'sendAt',
    type: 'date',
    index: true,
    label: { es: 'Enviar el', en: 'Send at' },
    admin: {
      position: 'sidebar',
      date: { pickerAppearance: 'dayAndTime', timeIntervals: 15 },
      description: { es: 'Vacío: se envía en cuanto la programas.', en: 'Empty: sent as soon as you schedule it.' },
    },
  },
  {
    name: 'actions',
    type: 'ui',
    label: { es: 'Acciones', en: 'Actions' },
    admin: { position: 'sidebar', components: { Field: '/src/components/campaigns/CampaignActions#CampaignActions' } },
  },
  figure('recipients', { es: 'Destinatarios', en: 'Recipients' }),
  figure('sent', { es: 'Enviados', en: 'Sent' }),
  figure('failed', { es: 'Fallidos', en: 'Failed' }),
  figure('unsubscribed', { es: 'Bajas', en: 'Unsubscribed' }),
]
