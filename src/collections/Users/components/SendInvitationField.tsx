'use client'
import { CheckboxField, useField } from '@payloadcms/ui'
import type { CheckboxFieldClientComponent } from 'payload'
import { useEffect } from 'react'

/**
 * Fills Payload's required password inputs while "send an invitation" is ticked, and hides them.
 * The value is never used: the server replaces it with one nobody knows (src/accounts/invitation.ts).
 * Filled through the inputs themselves (a native input event, as typing would): Payload's create form
 * registers and resets these fields after this one mounts, so writing its form state directly does
 * not stick (seen in the browser test).
 */
const unusedPassword = () => Array.from(crypto.getRandomValues(new Uint8Array(24)), (byte) => byte.toString(16).padStart(2, '0')).join('')
const PASSWORD_INPUTS = ['#field-password', '#field-confirm-password']

function typeInto(input: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set
  setter?.call(input, value)
  input.dispatchEvent(new Event('input', { bubbles: true }))
}

export const SendInvitationField: CheckboxFieldClientComponent = (props) => {
  const { value } = useField<boolean>({ path: props.path })
  useEffect(() => {
    const fill = () => {
      const inputs = PASSWORD_INPUTS.map((selector) => document.querySelector<HTMLInputElement>(selector))
      if (!value) return
      if (inputs.some((input) => !input || input.value)) return
      const password = unusedPassword()
      for (const input of inputs) typeInto(input!, password)
    }
    fill()
    // The inputs appear, and may be emptied, after this field renders: keep them filled while ticked.
    const timer = window.setInterval(fill, 300)
    if (!value) for (const selector of PASSWORD_INPUTS) {
      const input = document.querySelector<HTMLInputElement>(selector)
      if (input?.value) typeInto(input, '')
    }
    return () => window.clearInterval(timer)
  }, [value])
  return (
    <div data-send-invitation>
      {value ? <style>{'.auth-fields__changing-password { display: none; }'}</style> : null}
      <CheckboxField {...props} />
    </div>
  )
}
