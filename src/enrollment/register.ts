import { ValidationError, type PayloadRequest } from 'payload'

import { findOrCreatePerson, type PersonInput } from './findOrCreatePerson'
import type { ItemCollection } from './statuses'
import { inTransaction } from './transaction'

export interface RegisterInput {
  collection: ItemCollection
  itemId: number
  /** Who registers: the caller's own account, or a person named in the body. */
  person: { userId: number } | PersonInput
  idempotencyKey?: string
  source?: 'web' | 'admin' | 'import'
}

export interface RegisterResult {
  enrollment: Record<string, unknown>
  /** False when an Idempotency-Key replay returned the enrollment made the first time. */
  created: boolean
}

/**
 * Registers a person for a webinar or enrolls them in a course, in one transaction: a refused
 * registration leaves nothing behind, not even a new account. The seat rules themselves live in
 * the enrollments collection's `applySeatRules` hook, so an admin adding someone by hand gets
 * exactly the same treatment as the website.
 */
export async function register(req: PayloadRequest, input: RegisterInput): Promise<RegisterResult> {
  for (let attempt = 1; ; attempt += 1) {
    if (input.idempotencyKey) {
      const replay = await findByIdempotencyKey(req, input.idempotencyKey)
      if (replay) return { enrollment: replay, created: false }
    }
    try {
      const enrollment = await inTransaction(req, async () => {
        const userId = 'userId' in input.person ? input.person.userId : (await findOrCreatePerson(req, input.person)).id
        return req.payload.create({
          collection: 'enrollments',
          req,
          overrideAccess: true,
          depth: 0,
          data: {
            user: userId,
            item: { relationTo: input.collection, value: input.itemId },
            source: input.source ?? 'web',
            idempotencyKey: input.idempotencyKey,
          },
        })
      })
      return { enrollment: enrollment as unknown as Record<string, unknown>, created: true }
    } catch (error) {
      // Two first registrations with one email, or two retries with one Idempotency-Key, raced on a
      // unique key; the loser runs once more and finds what the winner wrote.
      if (attempt === 1 && isUniqueClash(error)) continue
      throw error
    }
  }
}

const isUniqueClash = (error: unknown) =>
  error instanceof ValidationError &&
  (error.data?.errors ?? []).some((problem: { path?: string }) => ['email', 'idempotencyKey'].includes(String(problem.path)))

async function findByIdempotencyKey(req: PayloadRequest, key: string) {
  const { docs } = await req.payload.find({
    collection: 'enrollments',
    where: { idempotencyKey: { equals: key } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    pagination: false,
  })
  return docs[0] as unknown as Record<string, unknown> | undefined
}
