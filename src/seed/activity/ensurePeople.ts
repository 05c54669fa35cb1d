import { sql } from '@payloadcms/db-postgres/drizzle'
import { createLocalReq, type Payload } from 'payload'

import { findOrCreatePerson } from '../../enrollment/findOrCreatePerson'
import { PARTICIPANTS, type ParticipantKey } from './people'

type Runner = { execute: (query: ReturnType<typeof sql>) => Promise<unknown> }

/**
 * The participants' accounts, made by `findOrCreatePerson`, the function a registration calls for
 * someone new (a student with a random password, claimed later through "forgot password").
 * Made here, all at once, rather than inside each first registration, because each new account
 * costs a deliberate password hash (~0.3 s): side by side they take the time of a few. Each
 * account is then stamped with the moment of its person's first registration.
 */
export async function ensurePeople(payload: Payload, firstSeen: Map<ParticipantKey, Date>): Promise<Map<ParticipantKey, number>> {
  const keys = [...firstSeen.keys()]
  const emails = keys.map((key) => PARTICIPANTS[key].email)
  const { docs } = await payload.find({ collection: 'users', where: { email: { in: emails } }, depth: 0, pagination: false, overrideAccess: true, select: { email: true } })
  const existing = new Map(docs.map((user) => [String(user.email), Number(user.id)]))
  const ids = new Map<ParticipantKey, number>()
  const db = (payload.db as unknown as { drizzle: Runner }).drizzle
  await Promise.all(
    keys.map(async (key) => {
      const email = PARTICIPANTS[key].email
      const known = existing.get(email)
      if (known) return void ids.set(key, known)
      const { id } = await findOrCreatePerson(await createLocalReq({}, payload), PARTICIPANTS[key])
      const at = firstSeen.get(key)!.toISOString()
      await db.execute(sql`UPDATE users SET created_at = ${at}::timestamptz, updated_at = ${at}::timestamptz WHERE id = ${id}`)
      ids.set(key, id)
    }),
  )
  return ids
}
