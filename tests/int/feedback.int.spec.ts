import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createLocalReq } from 'payload'
import { renderToStaticMarkup } from 'react-dom/server'

import { ItemRatingsList } from '../../src/components/Dashboard/ItemRatings'
import { labelsFor } from '../../src/components/Dashboard/labels'
import { itemRatings } from '../../src/dashboard/queries/itemRatings'
import { loadDashboard } from '../../src/dashboard/loadDashboard'
import { feedbackUrlFor } from '../../src/enrollment/cancelToken'
import { submitFeedback } from '../../src/feedback/submit'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createCourse, createWebinar } from '../helpers/catalog'
import { ManualClock } from '../helpers/manualClock'

type Account = Awaited<ReturnType<TestAula['createUser']>>

// The webinars below start on 2030-05-20 at 00:00 UTC (tests/helpers/catalog.ts) and last an hour.
const BEFORE_START = '2030-05-10T12:00:00.000Z'
const AFTER_END = '2030-05-20T03:00:00.000Z'
// Before every item here (courses start on 2030-03-02): registration is open.
const REGISTRATION_TIME = '2030-02-01T12:00:00.000Z'
const clock = new ManualClock(AFTER_END)
const over = { overrideAccess: true, depth: 0 } as const
let aula: TestAula
let admin: Account, editor: Account

beforeAll(async () => {
  aula = await startTestAula({ clock })
  ;[admin, editor] = await Promise.all([aula.createUser(['admin']), aula.createUser(['editor'])])
})

afterAll(async () => {
  await aula.close()
})

/** Registers `count` new people (Spanish unless told) for the item, back when it had not started, and returns their enrollment ids. */
async function participants(collection: 'webinars' | 'courses', itemId: number, count: number, language: 'es' | 'en' = 'es') {
  const ids: number[] = []
  const now = clock.now()
  clock.set(REGISTRATION_TIME)
  try {
    for (let n = 0; n < count; n += 1) {
      const person = await aula.createUser(['student'], { language })
      const response = await aula.api.post(`/${collection}/${itemId}/${collection === 'webinars' ? 'register' : 'enroll'}`, undefined, { token: person.token })
      if (response.status !== 201) throw new Error(`register: ${response.status} ${response.text}`)
      ids.push(response.body.doc.id as number)
    }
  } finally {
    clock.set(now)
  }
  return ids
}

/** The path (after /api) of the link in the follow-up email. */
const linkOf = (enrollmentId: number) => feedbackUrlFor({ payload: aula.payload }, enrollmentId).replace(/^.*\/api/, '')
const tokenOf = (enrollmentId: number) => new URL(feedbackUrlFor({ payload: aula.payload }, enrollmentId)).searchParams.get('token')!

/** What the page's form posts. */
const sendForm = (enrollmentId: number, fields: Record<string, string>) =>
  aula.api.request('POST', `/enrollments/${enrollmentId}/feedback`, {
    body: new URLSearchParams({ token: tokenOf(enrollmentId), ...fields }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  })

const stored = (id: number) => aula.payload.findByID({ collection: 'enrollments', id, ...over })
const ratingOf = async (collection: 'webinars' | 'courses', id: number) => {
  const item = await aula.payload.findByID({ collection, id, ...over })
  return { ratingAverage: item.ratingAverage ?? null, ratingCount: item.ratingCount ?? 0 }
}

describe('the feedback page behind the link', () => {
  it('a Spanish-speaking participant gets the 1–5 form in Spanish, an English speaker in English', async () => {
    const webinar = await createWebinar(aula.payload, { title: 'Excel para equipos' })
    const [spanish] = await participants('webinars', webinar.id, 1, 'es')
    const [english] = await participants('webinars', webinar.id, 1, 'en')

    const es = await aula.api.get(linkOf(spanish))
    expect(es.status).toBe(200)
    expect(es.headers.get('content-type')).toMatch(/^text\/html/)
    expect(es.text).toContain('¿Qué te pareció <strong>Excel para equipos</strong>?')
    expect(es.text).toContain('Comentario (opcional)')
    expect(es.text).toContain('lang="es"')
    expect([...es.text.matchAll(/type="radio" name="rating" value="(\d)"/g)].map((match) => match[1])).toEqual(['1', '2', '3', '4', '5'])

    const en = await aula.api.get(linkOf(english))
    expect(en.text).toContain('How was <strong>Excel para equipos</strong>?')
    expect(en.text).toContain('Send')
  })

  it('sending the form stores the rating, the comment and when, and the item shows the new average and count', async () => {
    const webinar = await createWebinar(aula.payload)
    const [id] = await participants('webinars', webinar.id, 1)
    const response = await sendForm(id, { rating: '4', comment: '  Muy útil, gracias.  ' })
    expect(response.status).toBe(200)
    expect(response.text).toContain('¡Gracias! Recibimos tu valoración.')
    expect(await stored(id)).toMatchObject({ feedbackRating: 4, feedbackComment: 'Muy útil, gracias.', feedbackAt: AFTER_END })
    expect(await ratingOf('webinars', webinar.id)).toEqual({ ratingAverage: 4, ratingCount: 1 })
  })

  it('a second submission says it was already received and changes nothing', async () => {
    const webinar = await createWebinar(aula.payload)
    const [id] = await participants('webinars', webinar.id, 1)
    expect((await sendForm(id, { rating: '5', comment: 'Primera' })).status).toBe(200)
    const before = await stored(id)
    clock.set('2030-05-21T09:00:00.000Z')
    try {
      const again = await sendForm(id, { rating: '1', comment: 'Segunda' })
      expect(again.status).toBe(409)
      expect(again.text).toContain('Ya recibimos tu valoración')
      const page = await aula.api.get(linkOf(id))
      expect(page.text).toContain('Ya recibimos tu valoración')
      expect(page.text).not.toContain('<form')
    } finally {
      clock.set(AFTER_END)
    }
    expect(await stored(id)).toEqual(before)
    expect(await ratingOf('webinars', webinar.id)).toEqual({ ratingAverage: 5, ratingCount: 1 })
  })

  it('the survey opens when the item starts: before, the page says so and a post writes nothing', async () => {
    const webinar = await createWebinar(aula.payload)
    const [id] = await participants('webinars', webinar.id, 1)
    clock.set(BEFORE_START)
    try {
      const page = await aula.api.get(linkOf(id))
      expect(page.text).toContain('La encuesta se abre cuando empieza la actividad.')
      expect((await sendForm(id, { rating: '5' })).status).toBe(409)
    } finally {
      clock.set(AFTER_END)
    }
    expect((await stored(id)).feedbackRating ?? null).toBeNull()
    expect(await ratingOf('webinars', webinar.id)).toEqual({ ratingAverage: null, ratingCount: 0 })
  })

  it('someone whose enrollment was cancelled cannot rate', async () => {
    const webinar = await createWebinar(aula.payload)
    const [id] = await participants('webinars', webinar.id, 1)
    expect((await aula.api.post(`/enrollments/${id}/cancel`, {}, { token: admin.token })).status).toBeLessThan(300)
    const response = await sendForm(id, { rating: '2' })
    expect(response.status).toBe(403)
    expect(response.text).toContain('no está confirmada')
    expect((await stored(id)).feedbackRating ?? null).toBeNull()
  })

  it('a JSON caller gets JSON: saved, then already received', async () => {
    const webinar = await createWebinar(aula.payload)
    const [id] = await participants('webinars', webinar.id, 1, 'en')
    const first = await aula.api.post(`/enrollments/${id}/feedback`, { token: tokenOf(id), rating: 3, comment: 'OK' })
    expect(first.status).toBe(200)
    expect(first.body).toEqual({ outcome: 'saved', message: 'Thank you! We received your feedback.' })
    const second = await aula.api.post(`/enrollments/${id}/feedback`, { token: tokenOf(id), rating: 5 })
    expect(second.status).toBe(409)
    expect(second.body.outcome).toBe('already-received')
    expect(await stored(id)).toMatchObject({ feedbackRating: 3, feedbackComment: 'OK' })
  })
})

describe('average rating and count per item', () => {
  it('ten people answering at the same moment are all counted, and the average is theirs', async () => {
    const webinar = await createWebinar(aula.payload)
    const ids = await participants('webinars', webinar.id, 10)
    const ratings = [5, 4, 4, 3, 5, 2, 5, 4, 1, 5]
    const responses = await Promise.all(ids.map((id, index) => sendForm(id, { rating: String(ratings[index]) })))
    expect(responses.map((response) => response.status)).toEqual(ids.map(() => 200))
    const mean = Math.round((ratings.reduce((sum, value) => sum + value, 0) / ratings.length) * 100) / 100
    expect(await ratingOf('webinars', webinar.id)).toEqual({ ratingAverage: mean, ratingCount: 10 })
    const rows = await aula.payload.count({ collection: 'enrollments', where: { and: [{ 'item.value': { equals: webinar.id } }, { 'item.relationTo': { equals: 'webinars' } }, { feedbackRating: { exists: true } }] }, overrideAccess: true })
    expect(rows.totalDocs).toBe(10)
  })

  it('the same person sending twice at the same moment is stored once', async () => {
    const webinar = await createWebinar(aula.payload)
    const [id] = await participants('webinars', webinar.id, 1)
    const responses = await Promise.all([sendForm(id, { rating: '5' }), sendForm(id, { rating: '1' }), sendForm(id, { rating: '3' })])
    expect(responses.map((response) => response.status).sort()).toEqual([200, 409, 409])
    const { ratingCount, ratingAverage } = await ratingOf('webinars', webinar.id)
    expect(ratingCount).toBe(1)
    expect(ratingAverage).toBe((await stored(id)).feedbackRating)
  })

  it('a course is rated the same way once it has started', async () => {
    const course = await createCourse(aula.payload, { regularPrice: 0 })
    const ids = await participants('courses', course.id, 2)
    expect((await sendForm(ids[0], { rating: '5' })).status).toBe(200)
    expect((await sendForm(ids[1], { rating: '2', comment: 'Demasiado rápido' })).status).toBe(200)
    expect(await ratingOf('courses', course.id)).toEqual({ ratingAverage: 3.5, ratingCount: 2 })
  })

  it('staff see the average and count but cannot type them, and saving the item keeps them', async () => {
    const webinar = await createWebinar(aula.payload)
    const [id] = await participants('webinars', webinar.id, 1)
    await sendForm(id, { rating: '4' })
    const response = await aula.api.patch(`/webinars/${webinar.id}`, { title: 'Título corregido', ratingAverage: 1, ratingCount: 99 }, { token: editor.token })
    expect(response.status).toBe(200)
    expect(response.body.doc).toMatchObject({ title: 'Título corregido', ratingAverage: 4, ratingCount: 1 })
    expect(await ratingOf('webinars', webinar.id)).toEqual({ ratingAverage: 4, ratingCount: 1 })
    const admin = await aula.api.get(`/webinars/${webinar.id}`, { token: editor.token })
    expect(admin.body).toMatchObject({ ratingAverage: 4, ratingCount: 1 })
  })

  it('deleting a rated enrollment takes its rating out of the item', async () => {
    const webinar = await createWebinar(aula.payload)
    const ids = await participants('webinars', webinar.id, 2)
    await sendForm(ids[0], { rating: '5' })
    await sendForm(ids[1], { rating: '1' })
    expect(await ratingOf('webinars', webinar.id)).toEqual({ ratingAverage: 3, ratingCount: 2 })
    expect((await aula.api.delete(`/enrollments/${ids[1]}`, { token: admin.token })).status).toBe(200)
    expect(await ratingOf('webinars', webinar.id)).toEqual({ ratingAverage: 5, ratingCount: 1 })
  })

  it('the public catalogue shows the average and count, never comments or names, and a new rating shows at once', async () => {
    const webinar = await createWebinar(aula.payload, { title: 'Catálogo con estrellas' })
    const ids = await participants('webinars', webinar.id, 2)
    await sendForm(ids[0], { rating: '5', comment: 'Comentario privado de Ana' })
    const first = await aula.api.get(`/webinars/${webinar.id}`)
    expect(first.body).toMatchObject({ ratingAverage: 5, ratingCount: 1 })
    // Read again (the anonymous catalogue is cached): the next rating must still show.
    await aula.api.get(`/webinars/${webinar.id}`)
    await sendForm(ids[1], { rating: '4', comment: 'Otro comentario' })
    const second = await aula.api.get(`/webinars/${webinar.id}`)
    expect(second.body).toMatchObject({ ratingAverage: 4.5, ratingCount: 2 })
    const list = await aula.api.get(`/webinars?where[id][equals]=${webinar.id}&depth=2`)
    expect(list.body.docs[0]).toMatchObject({ ratingAverage: 4.5, ratingCount: 2 })
    const graphql = await aula.api.graphql(`{ Webinar(id: ${webinar.id}) { ratingAverage ratingCount } }`)
    expect(graphql.body.data.Webinar).toEqual({ ratingAverage: 4.5, ratingCount: 2 })
    for (const text of [first.text, second.text, list.text, graphql.text]) {
      expect(text).not.toContain('Comentario privado')
      expect(text).not.toContain('feedbackComment')
    }
    // Anonymous callers read no enrollment at all.
    expect((await aula.api.get(`/enrollments/${ids[0]}`)).status).toBeGreaterThanOrEqual(400)
  })
})

describe('the dashboard', () => {
  it('lists recently finished items with the average and count, equal to the rated rows', async () => {
    const webinar = await createWebinar(aula.payload, { title: 'Recién terminado', startsAt: '2030-05-19T20:00:00.000Z' })
    const ids = await participants('webinars', webinar.id, 3)
    await sendForm(ids[0], { rating: '5' })
    await sendForm(ids[1], { rating: '3' })
    const rows = await itemRatings(aula.payload, { now: clock.now(), items: null }, 50)
    const row = rows.find((entry) => entry.collection === 'webinars' && entry.id === webinar.id)
    expect(row).toMatchObject({ title: 'Recién terminado', ratingAverage: 4, ratingCount: 2, confirmed: 3, endedAt: '2030-05-19T21:00:00.000Z' })
    // Every listed item's count is its rated enrollments, counted again from the rows.
    for (const entry of rows) {
      const { totalDocs } = await aula.payload.count({
        collection: 'enrollments',
        where: { and: [{ 'item.value': { equals: entry.id } }, { 'item.relationTo': { equals: entry.collection } }, { feedbackRating: { exists: true } }] },
        overrideAccess: true,
      })
      expect(entry.ratingCount).toBe(totalDocs)
    }
    // Not yet finished: not listed.
    const upcoming = await createWebinar(aula.payload, { startsAt: '2030-06-01T15:00:00.000Z' })
    expect((await itemRatings(aula.payload, { now: clock.now(), items: null }, 50)).some((entry) => entry.id === upcoming.id && entry.collection === 'webinars')).toBe(false)

    const user = await aula.payload.findByID({ collection: 'users', id: editor.id, overrideAccess: true })
    const dashboard = await loadDashboard(await createLocalReq({ user: { ...user, collection: 'users' } as never }, aula.payload))
    expect(dashboard.ratings?.status).toBe('ready')
    // What a Spanish-speaking coordinator reads on the card.
    const html = renderToStaticMarkup(ItemRatingsList({ items: [row!], t: labelsFor('es'), locale: 'es-ES', adminRoute: '/admin', timeZone: 'America/Lima', language: 'es' }))
    const text = html.replace(/<[^>]+>/g, '')
    expect(text).toContain('Recién terminado')
    expect(text).toContain('Webinar · terminó el 19/05/2030')
    expect(text).toContain('4,0 / 5')
    expect(text).toContain('2 valoraciones de 3 confirmados')
    expect(html).toContain(`href="/admin/collections/webinars/${webinar.id}"`)
  })
})

describe('submitFeedback (the seed and other server code)', () => {
  it('takes a rating given as text, stores it once, and says so the second time', async () => {
    const webinar = await createWebinar(aula.payload)
    const [id] = await participants('webinars', webinar.id, 1)
    expect(await submitFeedback(aula.payload, { enrollmentId: id, rating: '4', comment: 'Desde el seed' })).toMatchObject({ outcome: 'saved', ratingAverage: 4, ratingCount: 1 })
    expect(await submitFeedback(aula.payload, { enrollmentId: id, rating: 2 })).toEqual({ outcome: 'already-received' })
    expect(await stored(id)).toMatchObject({ feedbackRating: 4, feedbackComment: 'Desde el seed' })
  })
})
