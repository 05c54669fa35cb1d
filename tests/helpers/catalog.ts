import type { Payload } from 'payload'

let counter = 0
const unique = () => `${Date.now().toString(36)}-${(counter += 1)}`

/** A valid webinar body; tests override what they are about. */
export const webinarData = (overrides: Record<string, unknown> = {}) => ({
  title: `Webinar ${unique()}`,
  summary: 'Una introducción práctica.',
  startsAt: '2030-05-20T00:00:00.000Z',
  timezone: 'America/Lima',
  durationMinutes: 60,
  platform: 'zoom',
  meetingLink: 'https://zoom.us/j/123',
  isFree: true,
  currency: 'USD',
  status: 'published',
  ...overrides,
})

/** A valid course body with one module inside its dates. */
export const courseData = (overrides: Record<string, unknown> = {}) => ({
  title: `Curso ${unique()}`,
  courseCode: `C-${unique()}`,
  summary: 'Un curso completo.',
  modality: 'online',
  startDate: '2030-03-02T12:00:00.000Z',
  endDate: '2030-04-30T12:00:00.000Z',
  regularPrice: 300,
  currency: 'PEN',
  status: 'published',
  modules: [
    {
      title: 'Fundamentos',
      hours: 6,
      startDate: '2030-03-02T12:00:00.000Z',
      endDate: '2030-03-15T12:00:00.000Z',
      topics: ['Variables', 'Funciones'],
      sessions: [{ date: '2030-03-03T00:00:00.000Z', name: 'Sesión 1', durationHours: 3 }],
    },
  ],
  ...overrides,
})

export const createWebinar = (payload: Payload, overrides: Record<string, unknown> = {}) =>
  payload.create({ collection: 'webinars', data: webinarData(overrides) as never, overrideAccess: true, depth: 0 })

/** A fixture written as server code would: its sessions may already be past by the test's clock (a new session in the past is refused over the API). */
export const createCourse = (payload: Payload, overrides: Record<string, unknown> = {}) =>
  payload.create({ collection: 'courses', data: courseData(overrides) as never, overrideAccess: true, depth: 0, context: { pastSessionsAllowed: true } })

/** The paths a Payload validation error response names. */
export const errorPaths = (body: any): string[] =>
  (body?.errors ?? []).flatMap((error: any) => (error.data?.errors ?? []).map((item: any) => item.path))
