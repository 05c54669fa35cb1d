import type { CollectionBeforeValidateHook } from 'payload'

/** One person, one account: `Ana@Example.com ` and `ana@example.com` are the same email. */
export const normalizeEmail: CollectionBeforeValidateHook = ({ data }) => {
  if (data && typeof data.email === 'string') data.email = data.email.trim().toLowerCase()
  return data
}
