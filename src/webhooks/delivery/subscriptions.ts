import type { Payload, PayloadRequest } from 'payload'

import { getClock } from '../../utilities/clock'
import type { WebhookEvent } from '../events'

/**
 * How long this process trusts its list of subscribed webhooks. A change made through this process
 * (the `webhooks` hooks call invalidateWebhookSubscriptions) is seen at once; one made on another
 * instance of the app within this time (docs/webhooks.md "Deliveries").
 */
export const SUBSCRIPTIONS_TTL_MS = 60_000

interface Subscriptions {
  loadedAt: number
  webhookIdsByEvent: Map<WebhookEvent, number[]>
}

/**
 * `enrollment.created` fires on every public registration: with nothing subscribed it must cost no SQL
 * (a registration is counted to the statement), so the list of active webhooks is read once per TTL, not per event.
 */
const cache = new WeakMap<Payload, Subscriptions>()
/**
 * The hooks run before the change commits, so a read made just after an invalidation may still see
 * the old rows: for a few (real) seconds after one, what is read is used but not kept.
 */
const COMMIT_GRACE_MS = 5_000
const invalidatedAt = new WeakMap<Payload, number>()

export function invalidateWebhookSubscriptions(payload: Payload): void {
  cache.delete(payload)
  invalidatedAt.set(payload, performance.now())
}

/**
 * The ids of the active webhooks that want `type`. Read on the caller's own connection (its
 * transaction): a registration burst holds every pooled connection in open transactions, and a read
 * that waited for one more would wait for ever (seen with two app processes and 100 registrations each).
 */
export async function webhooksSubscribedTo(req: PayloadRequest, type: WebhookEvent): Promise<number[]> {
  const { payload } = req
  const now = getClock(payload).now().getTime()
  const cached = cache.get(payload)
  // A clock set back (tests) counts as expired too.
  if (cached && now >= cached.loadedAt && now - cached.loadedAt < SUBSCRIPTIONS_TTL_MS) return cached.webhookIdsByEvent.get(type) ?? []
  const startedAt = performance.now()
  const loaded = await loadSubscriptions(req, now)
  if (startedAt - (invalidatedAt.get(payload) ?? -Infinity) > COMMIT_GRACE_MS) cache.set(payload, loaded)
  return loaded.webhookIdsByEvent.get(type) ?? []
}

async function loadSubscriptions(req: PayloadRequest, now: number): Promise<Subscriptions> {
  const { docs } = await req.payload.find({
    collection: 'webhooks',
    where: { active: { equals: true } },
    select: { events: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const webhookIdsByEvent = new Map<WebhookEvent, number[]>()
  for (const webhook of docs) {
    for (const event of (webhook.events ?? []) as WebhookEvent[]) webhookIdsByEvent.set(event, [...(webhookIdsByEvent.get(event) ?? []), Number(webhook.id)])
  }
  return { loadedAt: now, webhookIdsByEvent }
}
