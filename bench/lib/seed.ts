import type { Payload } from 'payload'

const DAY = 24 * 60 * 60 * 1000

/** A valid published free webinar starting `days` from now; `overrides` win. */
export const webinarData = (index: number, overrides: Record<string, unknown> = {}) => ({
  title: `Webinar de prueba ${index}`,
  summary: 'Una introducción práctica para profesionales.',
  startsAt: new Date(Date.now() + (30 + (index % 60)) * DAY).toISOString(),
  timezone: 'America/Lima',
  durationMinutes: 60,
  platform: 'zoom',
  meetingLink: 'https://zoom.us/j/123',
  isFree: true,
  currency: 'USD',
  status: 'published',
  ...overrides,
})

/** `count` published webinars, each with two of three speakers and one of three categories. */
export async function seedPublishedCatalog(payload: Payload, count: number): Promise<number[]> {
  const speakers = []
  for (const name of ['Ana Torres', 'Jorge Salazar', 'María Núñez']) {
    speakers.push(await payload.create({ collection: 'speakers', data: { name, headline: 'Docente' } as never, overrideAccess: true }))
  }
  const categories = []
  for (const name of ['Programación', 'Marketing', 'Análisis de datos']) {
    categories.push(await payload.create({ collection: 'categories', data: { name } as never, overrideAccess: true }))
  }
  const ids: number[] = []
  for (let index = 0; index < count; index += 1) {
    const webinar = await payload.create({
      collection: 'webinars',
      overrideAccess: true,
      depth: 0,
      data: webinarData(index, {
        capacity: 100,
        category: categories[index % 3]!.id,
        speakers: [speakers[index % 3]!.id, speakers[(index + 1) % 3]!.id],
      }) as never,
    })
    ids.push(webinar.id as number)
  }
  return ids
}

export async function createWebinar(payload: Payload, overrides: Record<string, unknown>): Promise<number> {
  const webinar = await payload.create({ collection: 'webinars', overrideAccess: true, depth: 0, data: webinarData(0, overrides) as never })
  return webinar.id as number
}

/** Verified users with a known password; `roles` decides who they are. */
export async function createUsers(payload: Payload, count: number, roles: string[], prefix: string): Promise<number[]> {
  const create = async (index: number) => {
    const user = await payload.create({
      collection: 'users',
      overrideAccess: true,
      disableVerificationEmail: true,
      depth: 0,
      data: { email: `${prefix}-${index}@bench.aula`, password: BENCH_PASSWORD, roles, firstName: 'Bench', lastName: `${prefix} ${index}`, _verified: true } as never,
    })
    return user.id as number
  }
  const ids: number[] = []
  // A few at a time: password hashing dominates and runs off the main thread.
  for (let start = 0; start < count; start += 8) {
    ids.push(...(await Promise.all(Array.from({ length: Math.min(8, count - start) }, (_, offset) => create(start + offset)))))
  }
  return ids
}

export const BENCH_PASSWORD = 'correct horse battery bench'
