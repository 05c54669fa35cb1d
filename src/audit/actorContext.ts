import { AsyncLocalStorage } from 'node:async_hooks'

import type { AuditActor } from './types'

/**
 * Who is acting when no person is: a job or Stripe. Tasks build fresh requests of their own
 * (`createLocalReq({}, payload)`, see PAYLOAD_NOTES), so a flag on the job's `req` would be lost;
 * an async context follows every call the task makes, whatever `req` it passes.
 */
const currentActor = new AsyncLocalStorage<AuditActor>()

export const runAsActor = <T>(actor: AuditActor, work: () => T): T => currentActor.run(actor, work)

export const contextActor = (): AuditActor | undefined => currentActor.getStore()
