import type { Field, PayloadRequest } from 'payload'

import { isStaffField, staffOrEnrolledIn } from '../../access'
import { currencyField, priceWithCurrency } from '../../fields/currency'
import { lastEditedByField } from '../../fields/lastEditedBy'
import { searchTextField } from '../../fields/searchText'
import { capacityField, seatsLeftField, seatsTakenField } from '../../fields/seats'
import { slugField } from '../../fields/slug'
import { validatePrice } from '../../fields/price'
import { ianaTimeZone, optionalHttpUrl, wholeNumberUpTo } from '../../fields/validators'
import { say } from '../../i18n/say'
import { TIME_ZONES } from '../../utilities/isoCodes'
import { WEBINAR_STATUSES, webinarStatusLabels } from './statuses'
import { getBusinessSettings } from '../../settings/businessSettings'
import { afterEventTab, followUpPanelField, followUpStateField } from '../../followUps/fields'
import { itemRulesOffField } from '../../automation/rules/itemRulesOffField'
import { itemEmailPlanField } from '../../automation/rules/timelineFields'
import { ratingFields } from '../../feedback/ratingFields'
import { itemSellingFields } from '../../commerce/itemSellingFields'
import { applicableOnlyWhen } from '../../fields/applicableOnlyWhen'

export const DEFAULT_TIMEZONE = 'America/Lima'

const timezoneOptions = TIME_ZONES.map((zone) => ({ label: zone.replaceAll('_', ' '), value: zone }))

const platformOptions = [
  { value: 'zoom', label: 'Zoom' },
  { value: 'meet', label: 'Google Meet' },
  { value: 'teams', label: 'Microsoft Teams' },
  { value: 'youtube', label: 'YouTube Live' },
  { value: 'other', label: { es: 'Otra', en: 'Other' } },
]

const content: Field[] = [
  { name: 'summary', type: 'textarea', maxLength: 500, label: { es: 'Resumen', en: 'Summary' } },
  { name: 'description', type: 'richText', label: { es: 'Descripción', en: 'Description' } },
  {
    type: 'row',
    fields: [
      {
        name: 'speakers',
        type: 'relationship',
        relationTo: 'speakers',
        hasMany: true,
        label: { es: 'Ponentes', en: 'Speakers' },
      },
      { name: 'category', type: 'relationship', relationTo: 'categories', index: true, label: { es: 'Categoría', en: 'Category' } },
    ],
  },
  { name: 'image', type: 'upload', relationTo: 'media', label: { es: 'Imagen', en: 'Image' } },
]

const schedule: Field[] = [
  {
    name: 'startsAt',
    type: 'date',
    required: true,
    index: true,
    label: { es: 'Fecha y hora de inicio', en: 'Starts at' },
    admin: {
      date: { pickerAppearance: 'dayAndTime', timeIntervals: 15, displayFormat: 'dd/MM/yyyy HH:mm' },
      description: {
        es: 'Hora local del evento en la zona horaria elegida; se guarda en UTC.',
        en: "The event's local time in the chosen time zone; stored in UTC.",
      },
    },
    // Payload stores the zone beside the date (`startsAt_tz`) and its picker shows the time in it.
    // A text column instead of its default select keeps ~400 zones out of a Postgres enum.
    timezone: {
      required: true,
      defaultTimezone: DEFAULT_TIMEZONE,
      supportedTimezones: timezoneOptions,
      override: ({ baseField }) => ({
        name: baseField.name,
        type: 'text',
        required: true,
        // A new webinar starts in the business zone (a setting), not a zone written into the code.
        defaultValue: async ({ req }: { req: PayloadRequest }) => (req?.payload ? (await getBusinessSettings(req.payload, req)).timezone : DEFAULT_TIMEZONE),
        label: { es: 'Zona horaria', en: 'Time zone' },
        admin: { hidden: true },
        validate: ianaTimeZone(),
      }),
    },
  },
  {
    name: 'timezone',
    type: 'text',
    virtual: true,
    label: { es: 'Zona horaria', en: 'Time zone' },
    admin: { hidden: true },
    validate: ianaTimeZone({ optional: true }),
    hooks: { afterRead: [({ siblingData }) => siblingData?.startsAt_tz ?? null] },
  },
  {
    type: 'row',
    fields: [
      {
        name: 'durationMinutes',
        type: 'number',
        required: true,
        defaultValue: 60,
        label: { es: 'Duración (minutos)', en: 'Duration (minutes)' },
        // A day at most: a longer event is a course with sessions.
        validate: wholeNumberUpTo(24 * 60),
      },
      {
        name: 'platform',
        type: 'select',
        required: true,
        defaultValue: 'zoom',
        options: platformOptions,
        label: { es: 'Plataforma', en: 'Platform' },
      },
    ],
  },
  {
    name: 'meetingLink',
    type: 'text',
    label: { es: 'Enlace de la reunión', en: 'Meeting link' },
    // Registrants get it by email (the pipeline reads it with overrideAccess) and, once confirmed, may read it
    // here (src/access/staffOrEnrolled.ts); the catalog never shows it.
    access: { read: staffOrEnrolledIn('webinars') },
    validate: optionalHttpUrl,
  },
]

/** A free webinar has no price. */
const paidOnly = applicableOnlyWhen((_, siblingData) => !siblingData?.isFree)

const pricing: Field[] = [
  { name: 'isFree', type: 'checkbox', defaultValue: true, label: { es: 'Gratuito', en: 'Free' } },
  {
    type: 'row',
    fields: [
      {
        name: 'price',
        type: 'number',
        label: { es: 'Precio', en: 'Price' },
        admin: { condition: paidOnly.condition, components: priceWithCurrency },
        hooks: paidOnly.hooks,
        validate: (value: number | null | undefined, { siblingData, req }: { siblingData: Record<string, unknown>; req: PayloadRequest }) => {
          if (siblingData?.isFree === false && (value === null || value === undefined)) {
            return say(req, { es: 'El precio es obligatorio cuando el webinar no es gratuito.', en: 'Price is required when the webinar is not free.' })
          }
          return validatePrice(value, { siblingData, req })
        },
      },
      currencyField,
    ],
  },
  capacityField,
  ...itemSellingFields,
]

export const webinarFields: Field[] = [
  { name: 'title', type: 'text', required: true, maxLength: 200, label: { es: 'Título', en: 'Title' } },
  {
    type: 'tabs',
    tabs: [
      { label: { es: 'Contenido', en: 'Content' }, fields: content },
      { label: { es: 'Fecha y acceso', en: 'Schedule and access' }, fields: schedule },
      { label: { es: 'Precio y cupos', en: 'Price and seats' }, fields: pricing },
      afterEventTab('webinars'),
      {
        label: { es: 'Notas internas', en: 'Internal notes' },
        fields: [
          {
            name: 'extraNotes',
            type: 'textarea',
            label: { es: 'Notas internas', en: 'Internal notes' },
            access: { read: isStaffField },
            admin: { description: { es: 'Solo visible para el equipo.', en: 'Visible to staff only.' } },
          },
        ],
      },
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
    options: WEBINAR_STATUSES.map((value) => ({ value, label: webinarStatusLabels[value] })),
    admin: { position: 'sidebar' },
  },
  {
    name: 'organizer',
    type: 'relationship',
    relationTo: 'users',
    label: { es: 'Organizador', en: 'Organizer' },
    // A user id the public cannot look up (users are closed to them): the catalog does not show it.
    access: { read: isStaffField },
    admin: { position: 'sidebar' },
  },
  seatsTakenField,
  seatsLeftField,
  {
    // Calendar invites' SEQUENCE: bumped by every new start time (see notifyScheduleChanges).
    name: 'scheduleSequence',
    type: 'number',
    defaultValue: 0,
    admin: { hidden: true },
    access: { create: () => false, update: () => false },
  },
  followUpStateField,
  followUpPanelField,
  itemRulesOffField,
  itemEmailPlanField,
  lastEditedByField,
  searchTextField(['title', 'summary']),
  ...ratingFields,
]
