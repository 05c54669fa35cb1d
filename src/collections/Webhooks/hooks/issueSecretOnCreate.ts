import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { sealNewWebhookSecret } from '../../../webhooks/secret'

const SHOWN_ONCE = 'webhookSecretShownOnce'

/** Every new webhook (duplicates from the admin too) gets its own secret, whatever the caller sent. */
export const sealSecretOnCreate: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { plain, columns } = sealNewWebhookSecret(req.payload)
  req.context[SHOWN_ONCE] = plain
  return { ...data, ...columns }
}

/** The create response is the one place the plain secret appears (docs/webhooks.md); later reads never carry it. */
export const showSecretOnce: CollectionAfterChangeHook = ({ doc, operation, req }) => {
  const plain = req.context[SHOWN_ONCE]
  if (operation !== 'create' || typeof plain !== 'string') return doc
  delete req.context[SHOWN_ONCE]
  return { ...doc, secret: plain }
}
