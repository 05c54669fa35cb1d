import { type CollectionBeforeChangeHook, type CollectionBeforeOperationHook, ValidationError } from 'payload'

import { say } from '../../../i18n/say'

/** Set only by the campaign's actions and its sender. */
export const PROTECTED_FIELDS = ['status', 'recipients', 'sent', 'failed', 'unsubscribed'] as const

/** `context` flag the actions and the sender set on their own writes. */
export const CAMPAIGN_ACTION = 'campaignAction'

/**
 * A caller's update may not move the status or the figures: field access alone would drop the value
 * silently and answer 200, so the caller would believe a campaign was "sent". A value equal to the
 * stored one passes (the admin form sends its read-only fields back unchanged).
 */
export const refuseStatusWrites: CollectionBeforeOperationHook = async ({ args, operation, req, context }) => {
  if (operation !== 'update' || !req.user || context?.[CAMPAIGN_ACTION]) return args
  const data = (args as { data?: Record<string, unknown> }).data ?? {}
  const sent = PROTECTED_FIELDS.filter((field) => data[field] !== undefined)
  if (!sent.length) return args
  const id = (args as { id?: number | string }).id
  const stored = id
    ? ((await req.payload.findByID({ collection: 'campaigns', id, depth: 0, overrideAccess: true, req }).catch(() => null)) as Record<string, unknown> | null)
    : null
  const changed = sent.filter((field) => !stored || (data[field] ?? null) !== (stored[field] ?? (field === 'status' ? 'draft' : 0)))
  if (!changed.length) return args
  throw new ValidationError({
    errors: changed.map((path) => ({
      path,
      message: say(req, {
        es: 'Este dato lo cambian solo las acciones de la campaña (Programar envío, Cancelar envío) y el envío.',
        en: 'Only the campaign actions (Schedule, Cancel) and the sending change this.',
      }),
    })),
  })
}

/** Every campaign starts as a draft with empty figures, a duplicated one too. */
export const startAsDraft: CollectionBeforeChangeHook = ({ data, operation, context }) => {
  if (operation !== 'create' || context?.[CAMPAIGN_ACTION]) return data
  return { ...data, status: 'draft', recipients: 0, sent: 0, failed: 0, unsubscribed: 0 }
}
