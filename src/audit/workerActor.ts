import type { TaskConfig, TaskHandler } from 'payload'

import { runAsActor } from './actorContext'

/** Tasks that apply what Stripe told us: their changes are Stripe's, done through the named job. */
const STRIPE_TASKS = new Set(['processStripeEvent'])

/**
 * Every change a task makes is logged as the worker's (`worker:<task>`), or Stripe's for Stripe
 * events, unless a person is on the request (an admin running a job by hand stays themself).
 */
export function withWorkerActor(task: TaskConfig): TaskConfig {
  const handler = task.handler
  if (typeof handler !== 'function') return task
  const actor = { kind: STRIPE_TASKS.has(task.slug) ? ('stripe' as const) : ('worker' as const), label: `worker:${task.slug}` }
  const wrapped: TaskHandler<any> = (args) => runAsActor(actor, () => (handler as TaskHandler<any>)(args))
  return { ...task, handler: wrapped } as TaskConfig
}
