import type { Field, FieldAccess } from 'payload'

import { isStaffField, staffOrEnrolledIn } from '../access'
import { optionalHttpUrl } from '../fields/validators'
import { say } from '../i18n/say'
import type { ItemCollection } from '../enrollment/statuses'
import { DEFAULT_FOLLOW_UP_DELAY_HOURS, FOLLOW_UP_STATES, followUpStateLabels, MAX_FOLLOW_UP_DELAY_HOURS } from './states'

const nobody: FieldAccess = () => false
type Siblings = { siblingData?: Record<string, unknown>; req?: Parameters<typeof say>[0] }

/** Where the recording lives (Vimeo, YouTube, Drive…): confirmed participants and staff read it, the catalogue never shows it. */
export const recordingUrlField = (collection: ItemCollection, description?: { es: string; en: string }): Field => ({
  name: 'recordingUrl',
  type: 'text',
  label: { es: 'Enlace de la grabación', en: 'Recording link' },
  access: { read: staffOrEnrolledIn(collection) },
  validate: optionalHttpUrl,
  // A copy is another edition: the old recording would go out in its follow-up.
  hooks: { beforeDuplicate: [() => null] },
  admin: description ? { description } : undefined,
})

/** A link or a file from Archivos, each with the name people read in the follow-up email. */
export const resourcesField = (collection: ItemCollection, label = { es: 'Materiales', en: 'Resources' }): Field => ({
  name: 'resources',
  type: 'array',
  label,
  labels: { singular: { es: 'Material', en: 'Resource' }, plural: { es: 'Materiales', en: 'Resources' } },
  access: { read: staffOrEnrolledIn(collection) },
  maxRows: 30,
  admin: {
    initCollapsed: true,
    description: {
      es: 'Se envían en el correo de seguimiento. Los archivos subidos a «Archivos» son públicos para quien tenga el enlace.',
      en: 'Sent in the follow-up email. Files uploaded to Media are public to anyone holding the link.',
    },
  },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'label', type: 'text', required: true, maxLength: 200, label: { es: 'Nombre', en: 'Name' } },
        {
          name: 'url',
          type: 'text',
          label: { es: 'Enlace', en: 'Link' },
          // Exactly one of a link or a file, so the email never lists a name that opens nothing.
          validate: (value: string | null | undefined, options: Siblings) => {
            const url = optionalHttpUrl(value, options)
            if (url !== true) return url
            const hasFile = options.siblingData?.file != null && options.siblingData.file !== ''
            if (!value && !hasFile) return say(options.req, { es: 'Pon un enlace o elige un archivo.', en: 'Give a link or choose a file.' })
            if (value && hasFile) return say(options.req, { es: 'Usa un enlace o un archivo, no ambos.', en: 'Use a link or a file, not both.' })
            return true
          },
        },
        { name: 'file', type: 'upload', relationTo: 'media', label: { es: 'Archivo', en: 'File' } },
      ],
    },
  ],
})

/** Hours between the item's end and its follow-up emails. */
export const followUpDelayField: Field = {
  name: 'followUpDelayHours',
  type: 'number',
  defaultValue: DEFAULT_FOLLOW_UP_DELAY_HOURS,
  min: 0,
  max: MAX_FOLLOW_UP_DELAY_HOURS,
  label: { es: 'Enviar el seguimiento (horas después del final)', en: 'Send the follow-up (hours after the end)' },
  access: { read: isStaffField },
  admin: {
    description: {
      es: 'A los asistentes: agradecimiento, grabación, materiales y enlace para opinar. A quienes no asistieron: grabación y materiales.',
      en: 'To attendees: thanks, recording, resources and a feedback link. To those who missed it: recording and resources.',
    },
  },
}

/**
 * Where the follow-up stands, written only by Aula (src/followUps): staff read it in the sidebar panel,
 * which also offers the release. `dueAt` is the end plus the delay, kept in step by `scheduleFollowUp`.
 */
export const followUpStateField: Field = {
  name: 'followUp',
  type: 'group',
  label: { es: 'Seguimiento', en: 'Follow-up' },
  access: { read: isStaffField, create: nobody, update: nobody },
  admin: { hidden: true },
  fields: [
    {
      name: 'status',
      type: 'select',
      defaultValue: 'scheduled',
      options: FOLLOW_UP_STATES.map((value) => ({ value, label: followUpStateLabels[value] })),
      label: { es: 'Estado del seguimiento', en: 'Follow-up status' },
    },
    { name: 'dueAt', type: 'date', index: true, label: { es: 'Se envía desde', en: 'Due at' } },
    { name: 'changedAt', type: 'date', label: { es: 'Estado desde', en: 'Status since' } },
    { name: 'waiting', type: 'number', label: { es: 'Confirmados en espera', en: 'Confirmed people waiting' } },
    { name: 'sent', type: 'number', label: { es: 'Correos enviados', en: 'Emails sent' } },
  ],
}

/** The sidebar panel: the state, the hold banner and the release button (src/components/followUps). */
export const followUpPanelField: Field = {
  name: 'followUpPanel',
  type: 'ui',
  admin: {
    position: 'sidebar',
    components: { Field: '/src/components/followUps/FollowUpPanel#FollowUpPanel' },
  },
}

/** Everything an item gains for its follow-ups, in the "Después del evento" tab. */
export const afterEventTab = (collection: ItemCollection) => ({
  label: { es: 'Después del evento', en: 'After the event' },
  fields: collection === 'webinars' ? [recordingUrlField(collection), resourcesField(collection), followUpDelayField] : [resourcesField(collection, { es: 'Materiales del curso', en: 'Course resources' }), followUpDelayField],
})
