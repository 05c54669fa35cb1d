import type { TextField } from 'payload'

import { personName } from './personSearch'

const pick = (data: Record<string, unknown> | undefined, doc: Record<string, unknown> | undefined, name: string) =>
  (data && name in data ? data[name] : doc?.[name]) as string | null | undefined

/**
 * "Ana Pérez" (the email when there is no name): the person's title in the admin, so lists and
 * pickers that point at a person (enrollments, payments, leads' assignee) show a name, not only an
 * address. Stored, because Payload's `useAsTitle` cannot be a virtual field.
 */
export const displayNameField = (): TextField => ({
  name: 'displayName',
  type: 'text',
  index: true,
  maxLength: 400,
  label: { es: 'Nombre completo', en: 'Full name' },
  access: { create: () => false, update: () => false },
  // Not `hidden`: a hidden field cannot be a list column. Never on the form (it follows the name fields).
  admin: { readOnly: true, condition: () => false },
  hooks: {
    beforeChange: [
      ({ data, originalDoc }) =>
        personName({ firstName: pick(data, originalDoc, 'firstName'), lastName: pick(data, originalDoc, 'lastName'), email: pick(data, originalDoc, 'email') }),
    ],
  },
})
