import type { FieldHook } from 'payload'

import { checkRole, STAFF_ROLES } from '../../access'
import { getClock } from '../../utilities/clock'
import type { ConsentMethod } from './consentField'
import { withdrawConsentForAddress } from './withdrawConsent'

interface ConsentValue {
  granted?: boolean | null
  at?: string | Date | null
  method?: ConsentMethod | null
  withdrawnAt?: string | Date | null
}

/** Server code that knows how consent was given (the public form, an import) says so in `req.context`. */
export const CONSENT_METHOD_CONTEXT = 'marketingConsentMethod'

const methodFor = (req: Parameters<FieldHook>[0]['req']): ConsentMethod => {
  const told = req.context?.[CONSENT_METHOD_CONTEXT]
  if (told === 'form' || told === 'import' || told === 'staff') return told
  // Staff ticking the box in the admin record it for the person; a person ticking their own is a form.
  return checkRole(STAFF_ROLES, req.user) ? 'staff' : 'form'
}

/**
 * Only `granted` is ever taken from the caller; `at`, `method` and `withdrawnAt` follow from a change
 * of it. Saying nothing about consent (no group, or no `granted`) leaves it as it was: consent is
 * never withdrawn by omission, and re-sending "yes" does not move the date it was first given.
 * A withdrawal reaches every record with the same address (withdrawConsent.ts).
 */
export const recordConsentChange: FieldHook = async ({ value, previousValue, data, originalDoc, req }) => {
  const previous = (previousValue ?? {}) as ConsentValue
  const incoming = (value ?? {}) as ConsentValue
  const wasGranted = previous.granted === true
  const granted = typeof incoming.granted === 'boolean' ? incoming.granted : wasGranted
  const kept = { granted, at: previous.at ?? null, method: previous.method ?? null, withdrawnAt: previous.withdrawnAt ?? null }
  if (granted === wasGranted) return kept
  const now = getClock(req.payload).now().toISOString()
  if (granted) return { granted: true, at: now, method: methodFor(req), withdrawnAt: null }
  const email = data?.email ?? originalDoc?.email
  if (typeof email === 'string' && email) await withdrawConsentForAddress(req, email)
  return { ...kept, granted: false, withdrawnAt: now }
}
