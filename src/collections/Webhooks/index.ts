import type { CollectionConfig } from 'payload'

import { forgetSubscriptionsAfterChange, forgetSubscriptionsAfterDelete } from '../../webhooks/delivery/invalidationHooks'
import { webhookAccess } from './access'
import { rotateSecretEndpoint } from './endpoints/rotateSecret'
import { webhookFields } from './fields'
import { sealSecretOnCreate, showSecretOnce } from './hooks/issueSecretOnCreate'
import { resetFailuresOnReactivation } from './hooks/resetFailuresOnReactivation'

/**
 * Where Aula tells other systems what happened (docs/webhooks.md): a receiver URL, the events it wants and
 * a signing secret shown once. The events come from src/webhooks/emitEvents.ts; deliveries from src/webhooks/delivery.
 */
export const Webhooks: CollectionConfig = {
  slug: 'webhooks',
  labels: {
    singular: { es: 'Webhook', en: 'Webhook' },
    plural: { es: 'Webhooks', en: 'Webhooks' },
  },
  admin: {
    group: { es: 'Administración', en: 'Administration' },
    useAsTitle: 'name',
    defaultColumns: ['name', 'url', 'events', 'active', 'consecutiveFailures'],
  },
  access: webhookAccess,
  // POST /api/webhooks/:id/rotate-secret: a new secret, shown once.
  endpoints: [rotateSecretEndpoint],
  hooks: {
    beforeChange: [sealSecretOnCreate, resetFailuresOnReactivation],
    // …and this process's cached list of who wants which event is read afresh (src/webhooks/delivery/subscriptions.ts).
    afterChange: [showSecretOnce, forgetSubscriptionsAfterChange],
    afterDelete: [forgetSubscriptionsAfterDelete],
  },
  fields: webhookFields,
}
