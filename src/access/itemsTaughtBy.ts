import type { PayloadRequest, Where } from 'payload'

export interface TaughtItems {
  webinars: number[]
  courses: number[]
}

/**
 * The webinars a user presents and the courses they teach, through their speaker profile(s).
 * Three small indexed queries per call; access functions call it once per request.
 */
export async function itemsTaughtBy(req: PayloadRequest, userId: number | string): Promise<TaughtItems> {
  const common = { depth: 0, overrideAccess: true, pagination: false, req } as const
  const speakers = await req.payload.find({ collection: 'speakers', where: { user: { equals: userId } }, select: {}, ...common })
  const speakerIds = speakers.docs.map((speaker) => speaker.id)
  if (!speakerIds.length) return { webinars: [], courses: [] }
  const [webinars, courses] = await Promise.all([
    req.payload.find({ collection: 'webinars', where: { speakers: { in: speakerIds } }, select: {}, trash: true, ...common }),
    req.payload.find({ collection: 'courses', where: { instructors: { in: speakerIds } }, select: {}, trash: true, ...common }),
  ])
  return { webinars: webinars.docs.map((doc) => doc.id as number), courses: courses.docs.map((doc) => doc.id as number) }
}

/** A `Where` on a polymorphic `item` relationship matching any of `items`. */
export function whereItemIn(items: TaughtItems, field = 'item'): Where[] {
  const clauses: Where[] = []
  for (const relationTo of ['webinars', 'courses'] as const) {
    if (items[relationTo].length) {
      clauses.push({ and: [{ [`${field}.relationTo`]: { equals: relationTo } }, { [`${field}.value`]: { in: items[relationTo] } }] })
    }
  }
  return clauses
}
