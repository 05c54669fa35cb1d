import type { PayloadRequest } from 'payload'

import { notify } from '../notify'

/** A webhook the delivery side switched off after too many failures in a row (src/webhooks/delivery/failures.ts). */
export async function notifyWebhookDisabled(req: PayloadRequest, webhook: { id: number; name: string; failures: number; disabledAt: Date }): Promise<void> {
  await notify(req, {
    kind: 'webhook_disabled',
    to: 'byRole',
    title: { es: `Webhook «${webhook.name}» desactivado`, en: `Webhook «${webhook.name}» switched off` },
    body: {
      es: `Falló ${webhook.failures} veces seguidas y dejó de recibir eventos. Revise el receptor y vuelva a activarlo; las entregas abandonadas se pueden reenviar.`,
      en: `It failed ${webhook.failures} times in a row and stopped receiving events. Check the receiver and switch it back on; abandoned deliveries can be redelivered.`,
    },
    link: `/admin/collections/webhooks/${webhook.id}`,
    document: { collection: 'webhooks', id: webhook.id },
    dedupeKey: `webhook_disabled:${webhook.id}:${webhook.disabledAt.toISOString()}`,
  })
}
