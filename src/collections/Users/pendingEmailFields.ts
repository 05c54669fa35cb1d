import type { Field, FieldAccess } from 'payload'

import { checkRole } from '../../access'

const nobody: FieldAccess = () => false
const adminOrOwner: FieldAccess = ({ req: { user }, doc }) =>
  checkRole(['admin'], user) || (Boolean(user) && String(user?.id) === String(doc?.id))

/**
 * A new email asked for by its owner waits here until the link mailed to it is followed
 * (src/accounts/emailChange.ts). Nobody writes these fields through the API; the account's own
 * `email` keeps the confirmed address, so registrations by email only ever match a proven one.
 */
export const pendingEmailFields: Field[] = [
  {
    name: 'pendingEmail',
    type: 'email',
    label: { es: 'Correo por confirmar', en: 'Email awaiting confirmation' },
    access: { create: nobody, update: nobody, read: adminOrOwner },
    admin: {
      position: 'sidebar',
      readOnly: true,
      condition: (data) => Boolean(data?.pendingEmail),
      description: {
        es: 'Pasa a ser el correo de la cuenta cuando se sigue el enlace enviado a esta dirección.',
        en: 'Becomes the account’s email once the link sent to this address is followed.',
      },
    },
  },
  // Only the hash is stored: a database read must not be enough to confirm someone's address.
  { name: 'pendingEmailTokenHash', type: 'text', index: true, hidden: true, access: { create: nobody, update: nobody } },
  { name: 'pendingEmailExpiresAt', type: 'date', hidden: true, access: { create: nobody, update: nobody } },
]
