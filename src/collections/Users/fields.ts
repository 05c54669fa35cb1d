import type { Field } from 'payload'

import { isAdminField, ROLES } from '../../access'
import { marketingConsentField } from '../../automation/consent/consentField'
import { ianaTimeZone } from '../../fields/validators'
import { displayNameField } from '../../people/displayNameField'
import { ownPersonSearchTextField } from '../../people/personSearch'
import { timelineField } from '../../people/timelineField'
import { personEmailPlanField } from '../../automation/rules/timelineFields'
import { mutedNotificationsField } from '../../notifications/userFields'
import { erasedAtField, erasePersonButtonField } from '../../privacy/erasure/fields'
import { exportPersonalDataField } from '../../privacy/export/field'
import { sendInvitationField } from './invitationField'
import { pendingEmailFields } from './pendingEmailFields'
import { roleLabels } from './roleLabels'

export const userFields: Field[] = [
  sendInvitationField,
  {
    type: 'row',
    fields: [
      { name: 'firstName', type: 'text', label: { es: 'Nombre', en: 'First name' }, maxLength: 100 },
      { name: 'lastName', type: 'text', label: { es: 'Apellidos', en: 'Last name' }, maxLength: 100 },
    ],
  },
  {
    type: 'row',
    fields: [
      { name: 'phone', type: 'text', label: { es: 'Teléfono', en: 'Phone' }, maxLength: 40 },
      { name: 'company', type: 'text', label: { es: 'Empresa', en: 'Company' }, maxLength: 200 },
      { name: 'position', type: 'text', label: { es: 'Cargo', en: 'Position' }, maxLength: 200 },
    ],
  },
  {
    name: 'roles',
    type: 'select',
    hasMany: true,
    required: true,
    // Accounts Aula makes itself (registration, the seed) are students; an admin creating someone
    // chooses their roles, with none pre-selected beside the one they pick.
    defaultValue: ({ user }) => (user ? [] : ['student']),
    label: { es: 'Roles', en: 'Roles' },
    admin: {
      position: 'sidebar',
      description: {
        es: 'Solo un administrador puede cambiar los roles.',
        en: 'Only an admin can change roles.',
      },
    },
    options: ROLES.map((role) => ({ value: role, label: roleLabels[role] })),
    // Roles travel in the token so access checks need no database round trip.
    saveToJWT: true,
    access: { create: isAdminField, update: isAdminField },
  },
  {
    name: 'language',
    type: 'select',
    defaultValue: 'es',
    label: { es: 'Idioma preferido', en: 'Preferred language' },
    admin: { position: 'sidebar' },
    options: [
      { value: 'es', label: { es: 'Español', en: 'Spanish' } },
      { value: 'en', label: { es: 'Inglés', en: 'English' } },
    ],
  },
  {
    // Quiet hours of email rules are the person's own (src/automation/rules/quietHours.ts); empty = the event's zone.
    name: 'timezone',
    type: 'text',
    label: { es: 'Zona horaria', en: 'Time zone' },
    validate: ianaTimeZone({ optional: true }),
    admin: {
      position: 'sidebar',
      components: { Field: '/src/components/dates/TimeZoneSelectField#TimeZoneSelectField' },
      description: { es: 'Opcional. Si está vacía, se usa la zona del evento.', en: 'Optional. When empty, the event’s zone is used.' },
    },
  },
  // Campaigns reach only people who said yes (src/automation/consent, docs/automation.md).
  marketingConsentField(),
  ...pendingEmailFields,
  // The person's name as their title, and what the list search matches (src/people, docs/admin.md).
  displayNameField(),
  ownPersonSearchTextField(),
  timelineField(),
  personEmailPlanField,
  mutedNotificationsField,
  // "Exportar datos personales" (src/privacy/export, docs/privacy.md).
  exportPersonalDataField(),
  erasedAtField,
  erasePersonButtonField,
  {
    // Payload's own `_verified` lets any logged-in user write it; merged with Payload's field, this keeps
    // it to admins (a person proves an address through an emailed link, never by saying so).
    name: '_verified',
    type: 'checkbox',
    access: { create: isAdminField, update: isAdminField },
  },
]
