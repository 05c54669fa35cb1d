import type { PayloadRequest } from 'payload'

import { dayInZone } from '../courses/courseDays'
import { scheduleFacts } from '../courses/scheduleFacts'
import { sessionsOf } from '../courses/sessions'
import { getBusinessSettings } from '../settings/businessSettings'
import { isTimeZone } from '../utilities/isoCodes'
import { resolveDesign } from './pdf'
import type { CertificateFacts, CertificateItemCollection } from './types'

type Doc = Record<string, any>

const idOf = (value: unknown): number => Number(typeof value === 'object' && value ? (value as { id: number }).id : value)

/** The person's name as it should be printed: first and last name, else their email (never blank). */
export const holderNameOf = (user: Doc) => [user.firstName, user.lastName].map((part) => String(part ?? '').trim()).filter(Boolean).join(' ') || String(user.email ?? '')

const roundHours = (hours: number) => Math.round(hours * 100) / 100

/** Hours a certificate states: a webinar's duration; a course's hours (typed, else its modules', else its sessions'). */
export function hoursOf(collection: CertificateItemCollection, item: Doc, timeZone: string): number {
  if (collection === 'webinars') return roundHours(Number(item.durationMinutes ?? 60) / 60)
  if (Number(item.durationHours) > 0) return roundHours(Number(item.durationHours))
  const fromModules = scheduleFacts(item, timeZone).durationHours
  if (fromModules) return roundHours(fromModules)
  return roundHours(sessionsOf(item).reduce((sum, session) => sum + session.durationMinutes, 0) / 60)
}

/** The item's own zone (a webinar's start zone, a course's zone), else the business's. */
export const itemTimeZone = (collection: CertificateItemCollection, item: Doc, businessZone: string): string => {
  const own = collection === 'webinars' ? item.startsAt_tz : item.timezone
  return isTimeZone(own) ? own : businessZone
}

/** When the item ended: a webinar's start plus its duration, a course's last session's end (null while undated). */
export function itemEndOf(collection: CertificateItemCollection, item: Doc): Date | null {
  if (collection === 'webinars') {
    const startsAt = item.startsAt ? new Date(item.startsAt) : null
    return startsAt && !Number.isNaN(startsAt.getTime()) ? new Date(startsAt.getTime() + Number(item.durationMinutes ?? 60) * 60_000) : null
  }
  return sessionsOf(item).at(-1)?.endsAt ?? null
}

/**
 * The moment the certificate says the person completed the item: when they reached completion (or
 * now, for one issued by hand), but never after the item ended: attendance marked the next morning
 * does not move a webinar's date.
 */
export function completionMoment(collection: CertificateItemCollection, item: Doc, completedAt: string | null | undefined, now: Date): Date {
  const reached = completedAt ? new Date(completedAt) : now
  const ended = itemEndOf(collection, item)
  return ended && ended < reached ? ended : reached
}

export interface Snapshot {
  facts: Omit<CertificateFacts, 'number' | 'verificationCode' | 'version' | 'status'>
  /** The calendar year of the issue in the business's zone: the number's year. */
  year: number
}

/**
 * What a certificate for this enrollment would say now: the person's current name, the item's
 * current title and hours, the design's signatory, the completion day in the item's zone.
 */
export async function snapshotFor(req: PayloadRequest, enrollment: Doc, now: Date): Promise<Snapshot> {
  const { payload } = req
  const ref = enrollment.item as { relationTo: CertificateItemCollection; value: unknown }
  const common = { depth: 0, overrideAccess: true, req, trash: true } as const
  const [user, item, business] = await Promise.all([
    payload.findByID({ collection: 'users', id: idOf(enrollment.user), ...common }),
    payload.findByID({ collection: ref.relationTo, id: idOf(ref.value), ...common }),
    getBusinessSettings(payload, req),
  ])
  const itemRef = { relationTo: ref.relationTo, id: idOf(ref.value) }
  const design = await resolveDesign(payload, itemRef, req)
  const zone = itemTimeZone(ref.relationTo, item as Doc, business.timezone)
  const issuedOn = dayInZone(now, business.timezone)
  return {
    year: Number(issuedOn.slice(0, 4)),
    facts: {
      holderName: holderNameOf(user as Doc),
      item: { ...itemRef, title: String((item as Doc).title ?? '') },
      hours: hoursOf(ref.relationTo, item as Doc, zone),
      completedOn: dayInZone(completionMoment(ref.relationTo, item as Doc, enrollment.completedAt, now), zone),
      issuedOn,
      signatoryName: design.signatoryName ?? '',
      signatoryTitle: design.signatoryTitle ?? null,
      language: (user as Doc).language === 'en' ? 'en' : 'es',
    },
  }
}

/** The stored snapshot as the PDF, the credential and the email read it. */
export function factsOf(certificate: Doc): CertificateFacts {
  const ref = certificate.item as { relationTo: CertificateItemCollection; value: unknown }
  return {
    number: certificate.number,
    verificationCode: certificate.verificationCode,
    version: Number(certificate.version ?? 1),
    status: certificate.status === 'revoked' ? 'revoked' : 'valid',
    holderName: certificate.holderName,
    item: { relationTo: ref.relationTo, id: idOf(ref.value), title: certificate.itemTitle },
    hours: Number(certificate.hours ?? 0),
    completedOn: certificate.completedOn,
    issuedOn: certificate.issuedOn,
    signatoryName: certificate.signatoryName ?? '',
    signatoryTitle: certificate.signatoryTitle ?? null,
    language: certificate.language === 'en' ? 'en' : 'es',
  }
}

/** The columns a snapshot is stored in. */
export const snapshotColumns = (facts: Snapshot['facts']) => ({
  holderName: facts.holderName,
  itemTitle: facts.item.title,
  hours: facts.hours,
  completedOn: facts.completedOn,
  issuedOn: facts.issuedOn,
  signatoryName: facts.signatoryName,
  signatoryTitle: facts.signatoryTitle ?? null,
  language: facts.language,
})
