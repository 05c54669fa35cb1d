import { createLocalReq, type PayloadRequest } from 'payload'

import { inTransaction } from '../../enrollment/transaction'
import { getClock } from '../../utilities/clock'
import { checkReceiverUrl, receiverUrlOptions } from '../receiverUrl'
import { readWebhookSecret } from '../secret'
import { abandonDelivery, claimDelivery, type ClaimedDelivery, deliveryState, fixBody, recordAttempt } from './claim'
import { countWebhookFailure, resetWebhookFailures } from './failures'
import { postWebhook, type PostOutcome } from './post'
import { type DeliverWebhookInput, queueDeliveryJob } from './queueJob'
import { nextAttemptAfterFailure } from './schedule'
import { signatureHeader, SIGNATURE_HEADER } from './sign'
import { buildEventBody } from './snapshot'

export type DeliveryOutcome = 'delivered' | 'failed' | 'gone' | 'abandoned' | 'not-due' | 'not-ours'

/** The body of the deliverWebhook task: claim, build or reuse the body, check the URL again, sign, POST, record. */
export async function deliverWebhook(jobReq: PayloadRequest, input: DeliverWebhookInput): Promise<DeliveryOutcome> {
  const { payload } = jobReq
  // Payload commits transactions on the job's own request mid-handler: our reads and writes use one of their own.
  const req = await createLocalReq({}, payload)
  const dueAt = new Date(input.dueAt)
  const claimed = await claimDelivery(payload, input.deliveryId, dueAt, getClock(payload).now())
  if (!claimed) return handleUnclaimed(req, input.deliveryId, dueAt)
  let outcome: PostOutcome
  try {
    outcome = await attempt(req, claimed)
  } catch (error) {
    // Anything before the POST (the snapshot, the secret) is a failed attempt too: retried, never stuck `sending`.
    outcome = { statusCode: null, durationMs: 0, responseExcerpt: null, error: error instanceof Error ? error.message : String(error) }
  }
  return settle(req, claimed, outcome)
}

async function attempt(req: PayloadRequest, delivery: ClaimedDelivery): Promise<PostOutcome> {
  const { payload } = req
  // Checked again at every attempt: the name may resolve elsewhere now (DNS rebinding), and the POST goes to exactly the addresses checked.
  const receiver = await checkReceiverUrl(delivery.url, receiverUrlOptions(payload))
  if (!receiver.ok) return { statusCode: null, durationMs: 0, responseExcerpt: null, error: `Receiver URL refused: it ${receiver.reason}` }
  const body = delivery.body ?? (await fixBody(payload, delivery.id, await buildEventBody(payload, delivery)))
  const rawBody = JSON.stringify(body)
  const secret = await readWebhookSecret(payload, delivery.webhookId)
  return postWebhook({
    url: receiver.url,
    addresses: receiver.addresses,
    body: rawBody,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Aula-Webhooks/1',
      'Aula-Event-Id': delivery.eventId,
      'Aula-Event-Type': delivery.eventType,
      [SIGNATURE_HEADER]: signatureHeader(rawBody, secret, getClock(payload).now()),
    },
  })
}

/** 2xx delivered; 410 gone for good; anything else a failure, retried with backoff until 3 days after the first attempt. */
async function settle(req: PayloadRequest, delivery: ClaimedDelivery, outcome: PostOutcome): Promise<DeliveryOutcome> {
  const now = getClock(req.payload).now()
  const answered = outcome.statusCode
  const record = { at: now, statusCode: answered, durationMs: outcome.durationMs, error: outcome.error, responseExcerpt: outcome.responseExcerpt }
  if (answered !== null && answered >= 200 && answered < 300) {
    await recordAttempt(req, delivery, { ...record, status: 'delivered', nextAttemptAt: null })
    await resetWebhookFailures(req, delivery.webhookId)
    return 'delivered'
  }
  if (answered === 410) {
    await recordAttempt(req, delivery, { ...record, status: 'gone', nextAttemptAt: null })
    return 'gone'
  }
  const error = outcome.error ?? `HTTP ${answered}`
  const nextAttemptAt = nextAttemptAfterFailure({ attempts: delivery.attempt, firstAttemptAt: delivery.firstAttemptAt, now })
  // The row and the job of its next attempt commit together: a failed delivery always has a job to retry it.
  await inTransaction(req, async () => {
    await recordAttempt(req, delivery, { ...record, error, status: nextAttemptAt ? 'failed' : 'abandoned', nextAttemptAt })
    if (nextAttemptAt) await queueDeliveryJob(req, delivery.id, nextAttemptAt)
  })
  await countWebhookFailure(req, delivery.webhookId, now, error)
  return nextAttemptAt ? 'failed' : 'abandoned'
}

async function handleUnclaimed(req: PayloadRequest, deliveryId: number, dueAt: Date): Promise<DeliveryOutcome> {
  const { payload } = req
  const state = await deliveryState(payload, deliveryId)
  // Gone (retention), or its time was moved and another job owns the new one.
  if (!state || state.nextAttemptAt?.getTime() !== dueAt.getTime()) return 'not-ours'
  if (state.status !== 'pending' && state.status !== 'failed') return 'not-ours'
  if (!state.webhookActive) {
    await abandonDelivery(payload, deliveryId, getClock(payload).now(), 'The webhook is switched off or was deleted')
    return 'abandoned'
  }
  // Payload's waitUntil is real time; the app clock has the last word on "due".
  await queueDeliveryJob(req, deliveryId, dueAt)
  return 'not-due'
}
