import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { invalidateWebhookSubscriptions } from './subscriptions'

/** On the `webhooks` collection: a webhook made, changed or deleted here is seen by this process's next event. */
export const forgetSubscriptionsAfterChange: CollectionAfterChangeHook = ({ req }) => {
  invalidateWebhookSubscriptions(req.payload)
}

export const forgetSubscriptionsAfterDelete: CollectionAfterDeleteHook = ({ req }) => {
  invalidateWebhookSubscriptions(req.payload)
}
