import { createLocalReq, type Payload, type TaskConfig } from 'payload'

import { erasePerson } from '../erasure/erasePerson'
import { findInactivePeople } from './inactive'

export const ERASE_INACTIVE_TASK = 'eraseInactivePeople'
/** People read per query; each is erased in a transaction of its own, so a failure stops one, not the batch. */
const BATCH = 25

export interface EraseInactiveInput {
  /** People inactive since before this instant (fixed when the admin asked: someone active since is spared). */
  cutoff: string
  /** The admin who asked: the audit entries and revocations name them. */
  requestedBy: number
}

const asRequester = async (payload: Payload, userId: number) => {
  const user = await payload.findByID({ collection: 'users', id: userId, depth: 0, overrideAccess: true, disableErrors: true })
  return createLocalReq({ user: user ? ({ ...user, collection: 'users' } as never) : undefined }, payload)
}

/**
 * The bulk erase of the retention overview. Idempotent: an erased person is no longer inactive, so
 * a retry (or a second click) continues with whoever is left.
 */
export const eraseInactivePeopleTask: TaskConfig<{ input: EraseInactiveInput; output: { erased: number } }> = {
  slug: ERASE_INACTIVE_TASK,
  label: 'Erase people inactive for years (retention)',
  retries: { attempts: 3, backoff: { type: 'exponential', delay: 30_000 } },
  inputSchema: [
    { name: 'cutoff', type: 'text', required: true },
    { name: 'requestedBy', type: 'number', required: true },
  ],
  outputSchema: [{ name: 'erased', type: 'number' }],
  handler: async ({ input, req: jobReq }) => {
    const cutoff = new Date(input.cutoff)
    let erased = 0
    const failed = new Set<string>()
    for (;;) {
      // Payload commits transactions on the job's own request mid-handler: each read and erasure uses a request of its own.
      const reader = await createLocalReq({}, jobReq.payload)
      const { people } = await findInactivePeople(reader, cutoff, BATCH + failed.size)
      const next = people.filter((person) => !failed.has(`${person.kind}:${person.id}`))
      if (!next.length) break
      for (const person of next) {
        const req = await asRequester(jobReq.payload, input.requestedBy)
        try {
          await erasePerson(req, person.kind === 'user' ? { userId: person.id } : { email: person.email }, 'retention')
          erased += 1
        } catch (error) {
          failed.add(`${person.kind}:${person.id}`)
          jobReq.payload.logger.error({ err: error, person: `${person.kind}:${person.id}` }, 'Bulk erasure: one person could not be erased')
        }
      }
    }
    if (failed.size) throw new Error(`${failed.size} inactive people could not be erased; ${erased} were.`)
    return { output: { erased } }
  },
}
