import type { Category, Course, Speaker, Webinar } from '../payload-types'
import { siteApi } from './api'

export type ItemKind = 'webinars' | 'courses'

/** What a visitor sees of a webinar or a course, whichever it is. */
export interface SiteItem {
  kind: ItemKind
  id: number
  slug: string
  title: string
  summary: string
  description: Webinar['description']
  startsAt: string | null
  /** The item's own zone: its times are shown as its organiser typed them. */
  timeZone: string
  durationMinutes: number | null
  durationHours: number | null
  category: string | null
  /** Null: no capacity, so no limit. */
  seatsLeft: number | null
  isFree: boolean
  price: number | null
  currency: string
  regularPrice: number | null
  earlyBirdDeadline: string | null
  speakers: Pick<Speaker, 'id' | 'name' | 'headline' | 'company'>[]
  sessions: { date: string; name: string }[]
}

const speakersOf = (list: (number | Speaker)[] | null | undefined) =>
  (list ?? []).filter((speaker): speaker is Speaker => typeof speaker === 'object').map(({ id, name, headline, company }) => ({ id, name, headline, company }))

const categoryName = (category: number | Category | null | undefined) => (typeof category === 'object' && category ? category.name : null)

const fromWebinar = (webinar: Webinar): SiteItem => ({
  kind: 'webinars',
  id: webinar.id,
  slug: webinar.slug ?? String(webinar.id),
  title: webinar.title,
  summary: webinar.summary ?? '',
  description: webinar.description,
  startsAt: webinar.startsAt,
  timeZone: webinar.startsAt_tz || webinar.timezone || 'UTC',
  durationMinutes: webinar.durationMinutes,
  durationHours: null,
  category: categoryName(webinar.category),
  seatsLeft: webinar.seatsLeft ?? null,
  isFree: Boolean(webinar.isFree),
  price: webinar.isFree ? 0 : (webinar.price ?? null),
  currency: webinar.currency,
  regularPrice: null,
  earlyBirdDeadline: null,
  speakers: speakersOf(webinar.speakers),
  sessions: [],
})

function fromCourse(course: Course): SiteItem {
  const price = course.currentPrice ?? course.regularPrice ?? null
  const earlyBird = course.earlyBirdDeadline && price !== null && course.regularPrice !== null && price < (course.regularPrice ?? 0)
  return {
    kind: 'courses',
    id: course.id,
    slug: course.slug ?? String(course.id),
    title: course.title,
    summary: course.summary ?? '',
    description: course.description as Webinar['description'],
    startsAt: course.startDate ?? null,
    timeZone: course.timezone || 'UTC',
    durationMinutes: null,
    durationHours: course.durationHours ?? null,
    category: categoryName(course.category),
    seatsLeft: course.seatsLeft ?? null,
    isFree: price === 0,
    price,
    currency: course.currency,
    regularPrice: earlyBird ? (course.regularPrice ?? null) : null,
    earlyBirdDeadline: earlyBird ? (course.earlyBirdDeadline ?? null) : null,
    speakers: speakersOf(course.instructors),
    sessions: (course.modules ?? []).flatMap((module) =>
      (module.sessions ?? []).filter((session) => session.date).map((session) => ({ date: session.date!, name: session.name || module.title })),
    ),
  }
}

/** Published items still ahead, soonest first; `category` is a category's slug. */
export async function upcomingItems(category: string | undefined, now = new Date()): Promise<SiteItem[]> {
  const inCategory = category ? [{ 'category.slug': { equals: category } }] : []
  const [webinars, courses] = await Promise.all([
    siteApi().find({ collection: 'webinars', where: { and: [{ status: { equals: 'published' } }, { startsAt: { greater_than: now.toISOString() } }, ...inCategory] }, sort: 'startsAt', depth: 1, limit: 50 }),
    siteApi().find({ collection: 'courses', where: { and: [{ status: { equals: 'published' } }, { startDate: { greater_than: now.toISOString() } }, ...inCategory] }, sort: 'startDate', depth: 1, limit: 50 }),
  ])
  const items = [...webinars.docs.map((doc) => fromWebinar(doc as Webinar)), ...courses.docs.map((doc) => fromCourse(doc as Course))]
  return items.sort((a, b) => String(a.startsAt).localeCompare(String(b.startsAt)))
}

export async function itemBySlug(kind: ItemKind, slug: string): Promise<SiteItem | null> {
  const found = await siteApi().find({ collection: kind, where: { slug: { equals: slug } }, depth: 1, limit: 1 })
  const doc = found.docs[0]
  if (!doc) return null
  return kind === 'webinars' ? fromWebinar(doc as Webinar) : fromCourse(doc as Course)
}

export async function categories(): Promise<Pick<Category, 'id' | 'name' | 'slug'>[]> {
  const found = await siteApi().find({ collection: 'categories', sort: 'name', depth: 0, limit: 100 })
  return found.docs.map(({ id, name, slug }) => ({ id, name, slug }))
}
