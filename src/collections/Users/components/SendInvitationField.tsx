'use client'
import { CheckboxField, useField, useFormFields } from '@payloadcms/ui'
import type { CheckboxFieldClientComponent } from 'payload'
import { useEffect } from 'react'

/**
 * Fills Payload's required password inputs while "send an invitation" is ticked, and hides them.
 * The value is never used: the server replaces it with one nobody knows (src/accounts/invitation.ts).
 */
const unusedPassword = () => Array.from(crypto.getRandomValues(new Uint8Array(24)), (byte) => byte.toString(16).padStart(2, '0')).join('')

export const SendInvitationField: CheckboxFieldClientComponent = (props) => {
  const { value } = useField<boolean>({ path: props.path })
  const dispatchFields = useFormFields(([, dispatch]) => dispatch)
  useEffect(() => {
    const password = value ? unusedPassword() : ''
    for (const path of ['password', 'confirm-password']) dispatchFields({ type: 'UPDATE', path, value: password, valid: Boolean(value) })
  }, [value, dispatchFields])
  return (
    <div data-send-invitation>
      {value ? <style>{'.auth-fields__changing-password { display: none; }'}</style> : null}
      <CheckboxField {...props} />
    </div>
  )
}
