import type { PayloadRequest, Where } from 'payload'

import { idOf } from '../../crm/ids'
import type { Doc, ExportSubject, ResolvedPerson } from './types'

const normalized = (email: unknown) => String(email ?? '').trim().toLowerCase()

/**
 * The person an export (or erasure) is about. `userId` names an account; `email` an address, which
 * is that account's when one holds it (the same person), else a lead's. Their leads are those with
 * one of their addresses, or whose conversion created one of the account's enrollments.
 * Null when Aula holds nothing under that id or address.
 */
export async function resolvePerson(req: PayloadRequest, subject: ExportSubject): Promise<ResolvedPerson | null> {
  const { payload } = req
  const email = normalized(subject.email)
  let user: Doc | null = null
  if (subject.userId !== undefined) {
    user = await payload.findByID({ collection: 'users', id: subject.userId, depth: 0, overrideAccess: true, disableErrors: true, req })
    if (!user) return null
  } else if (email) {
    const { docs } = await payload.find({ collection: 'users', where: { email: { equals: email } }, limit: 1, depth: 0, overrideAccess: true, req })
    user = docs[0] ?? null
  }
  const addresses = [...new Set([normalized(user?.email), normalized(user?.pendingEmail), email].filter(Boolean))]
  const enrollmentIds = user ? await enrollmentIdsOf(req, user.id) : []
  const or: Where[] = [{ email: { in: addresses } }, ...(enrollmentIds.length ? [{ enrollments: { in: enrollmentIds } }] : [])]
  const { docs: leads } = addresses.length || enrollmentIds.length
    ? await payload.find({ collection: 'leads', where: { or }, pagination: false, sort: 'createdAt', depth: 0, overrideAccess: true, req })
    : { docs: [] }
  for (const lead of leads) {
    const address = normalized(lead.email)
    if (address && !addresses.includes(address)) addresses.push(address)
  }
  if (!user && !leads.length && !(await holdsMailFor(req, addresses))) return null
  return { user, addresses, leads: leads as Doc[] }
}

async function enrollmentIdsOf(req: PayloadRequest, userId: number): Promise<number[]> {
  const { docs } = await req.payload.find({ collection: 'enrollments', where: { user: { equals: userId } }, pagination: false, depth: 0, select: {}, overrideAccess: true, req })
  return docs.map((doc) => idOf(doc.id)).filter((id): id is number => id !== null)
}

/** An address with no account and no lead may still have been mailed (a group attendee) or have unsubscribed. */
async function holdsMailFor(req: PayloadRequest, addresses: string[]): Promise<boolean> {
  if (!addresses.length) return false
  const where = { to: { in: addresses } }
  const [emails, suppressions] = await Promise.all([
    req.payload.count({ collection: 'email-log', where, overrideAccess: true, req }),
    req.payload.count({ collection: 'email-suppressions', where: { email: { in: addresses } }, overrideAccess: true, req }),
  ])
  return emails.totalDocs + suppressions.totalDocs > 0
}
