import { getBusinessSettings } from '../../settings/businessSettings'
import { formatWithZone, timeZoneName } from '../../utilities/localTime'
import { personName } from '../personSearch'
import { TIMELINE_SOURCES } from './sources'
import { asCaller, type Doc, type TimelineContext, type TimelineEntry, type TimelineSource } from './types'

export interface Timeline {
  subject: { collection: 'users' | 'leads'; id: number; name: string; email: string }
  /** The business zone every `when` is written in, and its name as staff read it. */
  timeZone: string
  zoneName: string
  entries: Array<TimelineEntry & { when: string }>
  /** The same person on the other side: a lead's account, a user's leads (only those the caller may read). */
  related: Array<{ collection: 'users' | 'leads'; id: number; name: string; email: string }>
  /** Sources the caller may not read at all (sales and the email log), named so the page can say so. */
  hidden: string[]
}

const isForbidden = (error: unknown) => (error as { status?: number })?.status === 403

/** The same address on the other side, read as the caller (a sales user sees only their share of leads). */
async function relatedPeople({ req, subject }: TimelineContext): Promise<Timeline['related']> {
  const email = String(subject.doc.email ?? '').trim().toLowerCase()
  if (!email) return []
  const collection = subject.kind === 'user' ? 'leads' : 'users'
  try {
    const { docs } = await req.payload.find({
      collection,
      where: { email: { equals: email } },
      sort: '-createdAt',
      limit: 20,
      ...asCaller(req),
      select: { firstName: true, lastName: true, email: true },
    })
    return (docs as Doc[]).map((doc) => ({ collection, id: doc.id, name: personName(doc), email: String(doc.email ?? '') }))
  } catch (error) {
    if (isForbidden(error)) return []
    throw error
  }
}

/** A person's timeline in time order (oldest first), each moment in the business zone, naming it. */
export async function buildTimeline(context: TimelineContext, sources: TimelineSource[] = TIMELINE_SOURCES): Promise<Timeline> {
  const { req, subject, language } = context
  const { timezone } = await getBusinessSettings(req.payload, req)
  const hidden: string[] = []
  const applicable = sources.filter((source) => source.appliesTo.includes(subject.kind))
  const [loaded, related] = await Promise.all([
    Promise.all(
      applicable.map(async (source) => {
        try {
          return await source.load(context)
        } catch (error) {
          if (!isForbidden(error)) throw error
          hidden.push(source.label[language])
          return []
        }
      }),
    ),
    relatedPeople(context),
  ])
  const entries = loaded
    .flat()
    .filter((entry) => entry.at && !Number.isNaN(new Date(entry.at).getTime()))
    .sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime())
    .map((entry) => ({ ...entry, when: formatWithZone(entry.at, timezone, language) }))
  return {
    subject: { collection: subject.kind === 'user' ? 'users' : 'leads', id: subject.doc.id, name: personName(subject.doc), email: String(subject.doc.email ?? '') },
    timeZone: timezone,
    zoneName: timeZoneName(timezone),
    entries,
    related,
    hidden,
  }
}
