import type { PayloadRequest } from 'payload'

import { type PersonContact, findPersonContact } from '../../people/personSearch'

/** What an enrollment's emails and its search text need of the person (one read of six columns). */
export type Recipient = PersonContact & { language?: string | null; timezone?: string | null }

export const readRecipient = async (req: PayloadRequest, userId: number): Promise<Recipient | null> =>
  findPersonContact(req, userId, { language: true, timezone: true }) as Promise<Recipient | null>

interface KeptRecipient {
  transactionID: PayloadRequest['transactionID']
  userId: number
  person: Recipient | null
}

const KEY = 'enrollmentRecipient'

/**
 * A new enrollment reads its person once: its search text (a field hook, before the insert) keeps
 * what it read here, and its status email (an afterChange hook of the same create, same transaction)
 * takes it. Keyed by person and transaction, overwritten by every create with a person and removed by
 * the taker, so only that same create can use it; nothing between the two hooks writes the person.
 */
export async function readRecipientForNewEnrollment(req: PayloadRequest, userId: number): Promise<Recipient | null> {
  const known = req.context[KNOWN_KEY] as KeptRecipient | undefined
  delete req.context[KNOWN_KEY]
  const person = known && known.userId === userId && known.transactionID === req.transactionID ? known.person : await readRecipient(req, userId)
  req.context[KEY] = { transactionID: req.transactionID, userId, person } satisfies KeptRecipient
  return person
}

const KNOWN_KEY = 'registrantRecipient'

/**
 * The registration has just found or written the person (src/enrollment/findOrCreatePerson.ts): the
 * enrollment it creates next, in the same transaction, takes these columns instead of reading them again.
 */
export function rememberRecipient(req: PayloadRequest, userId: number, person: Recipient): void {
  req.context[KNOWN_KEY] = { transactionID: req.transactionID, userId, person } satisfies KeptRecipient
}

/** The person read by this create's search-text hook, or undefined (then the caller reads it itself). */
export function takeRecipientOfNewEnrollment(req: PayloadRequest, userId: number): Recipient | null | undefined {
  const kept = req.context[KEY] as KeptRecipient | undefined
  delete req.context[KEY]
  return kept && kept.userId === userId && kept.transactionID === req.transactionID ? kept.person : undefined
}
