import type { Field } from 'payload'

import { INVITATION_VALID_DAYS } from '../../accounts/invitation'

/**
 * "Send an invitation" on the admin's create form, ticked by default: the password inputs disappear
 * and the person chooses their own password from the emailed link (src/accounts/invitation.ts).
 * Not stored. The API decides from what the caller sent: no password, or `sendInvitation: true`,
 * is an invitation; a password without the flag keeps Payload's confirm-your-email flow.
 */
export const sendInvitationField: Field = {
  name: 'sendInvitation',
  type: 'checkbox',
  virtual: true,
  defaultValue: true,
  label: { es: 'Enviar una invitación para que elija su contraseña', en: 'Send an invitation to choose their password' },
  admin: {
    condition: (_data, _siblingData, { operation }) => operation === 'create',
    description: {
      es: `Recibirá un correo con un enlace para elegir su contraseña (vale ${INVITATION_VALID_DAYS} días). Desmarca para escribir tú la contraseña.`,
      en: `They get an email with a link to choose their password (valid ${INVITATION_VALID_DAYS} days). Untick to type the password yourself.`,
    },
    components: { Field: '/src/collections/Users/components/SendInvitationField#SendInvitationField' },
  },
}
