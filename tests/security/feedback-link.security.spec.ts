import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'

import { cancelToken, feedbackToken } from '../../src/enrollment/cancelToken'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar, errorPaths } from '../helpers/catalog'
import { ManualClock } from '../helpers/manualClock'
import { expectSafe } from './hostileSafety'

type Account = Awaited<ReturnType<TestAula['createUser']>>

// The webinar starts on 2030-05-20 (tests/helpers/catalog.ts); feedback is open from then.
const clock = new ManualClock('2030-05-01T12:00:00.000Z')
const over = { overrideAccess: true, depth: 0 } as const
const PUBLIC_WRITES_PER_IP = 5
let aula: TestAula
let admin: Account, instructor: Account, student: Account
let webinarId: number
let studentEnrollment: number

let ipCounter = 0
/** Every request from its own address unless a test is about one address (the rate limit). */
const fromIp = (ip = `198.51.${Math.floor((ipCounter += 1) / 250)}.${ipCounter % 250}`) => ({ 'x-aula-peer-address': ip })

beforeAll(async () => {
  aula = await startTestAula({
    clock,
    rateLimits: {
      enabled: true,
      auth: { name: 'auth', perIp: 1000, perEmail: 1000, windowSeconds: 600 },
      publicWrite: { name: 'publicWrite', perIp: PUBLIC_WRITES_PER_IP, perEmail: 1000, windowSeconds: 600 },
    },
  })
  ;[admin, instructor, student] = await Promise.all([aula.createUser(['admin']), aula.createUser(['instructor']), aula.createUser(['student'])])
  const speaker = await aula.payload.create({ collection: 'speakers', data: { name: 'Docente', user: instructor.id }, ...over })
  webinarId = (await createWebinar(aula.payload, { title: 'Webinar con encuesta', speakers: [speaker.id] })).id
  studentEnrollment = await register(student.token)
  clock.set('2030-05-20T03:00:00.000Z')
})

afterAll(async () => {
  await aula.close()
})

async function register(token?: string) {
  const person = token ?? (await aula.createUser(['student'])).token
  const response = await aula.api.post(`/webinars/${webinarId}/register`, undefined, { token: person, headers: fromIp() })
  if (response.status !== 201) throw new Error(`register: ${response.status} ${response.text}`)
  return response.body.doc.id as number
}

/** A fresh participant who has not answered yet (registered before the start). */
async function freshEnrollment() {
  const now = clock.now()
  clock.set('2030-05-01T12:00:00.000Z')
  try {
    return await register()
  } finally {
    clock.set(now)
  }
}

const linkToken = (id: number) => feedbackToken(aula.payload.secret, id)
const postJson = (id: number | string, body: unknown, headers: Record<string, string> = fromIp()) =>
  aula.api.request('POST', `/enrollments/${id}/feedback`, { body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } })
const postForm = (id: number | string, fields: Record<string, string>, headers: Record<string, string> = fromIp()) =>
  aula.api.request('POST', `/enrollments/${id}/feedback`, {
    body: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  })
const feedbackOf = async (id: number) => {
  const doc = await aula.payload.findByID({ collection: 'enrollments', id, ...over })
  return { feedbackRating: doc.feedbackRating ?? null, feedbackComment: doc.feedbackComment ?? null, feedbackAt: doc.feedbackAt ?? null }
}
const NOTHING = { feedbackRating: null, feedbackComment: null, feedbackAt: null }
const webinarRating = async () => {
  const doc = await aula.payload.findByID({ collection: 'webinars', id: webinarId, ...over })
  return { ratingAverage: doc.ratingAverage ?? null, ratingCount: doc.ratingCount ?? 0 }
}

describe('a rating that is not a whole number from 1 to 5', () => {
  it.each([0, 6, 'abc', 4.5, '4.5', '', null, -1, '1e0', '04', [4], { value: 4 }, true, 'NaN', 'Infinity'])(
    'sending rating %p is a 400 naming feedbackRating, and nothing is written',
    async (rating) => {
      const id = await freshEnrollment()
      const before = await webinarRating()
      const response = await postJson(id, { token: linkToken(id), rating, comment: 'x' })
      expect(response.status).toBe(400)
      expect(errorPaths(response.body)).toEqual(['feedbackRating'])
      expect(await feedbackOf(id)).toEqual(NOTHING)
      expect(await webinarRating()).toEqual(before)
    },
  )

  it('a form without a rating gets the page again, in Spanish, naming the rating; nothing is written', async () => {
    const id = await freshEnrollment()
    const response = await postForm(id, { token: linkToken(id), comment: 'Sin nota' })
    expect(response.status).toBe(400)
    expect(response.text).toContain('Elige una valoración del 1 al 5.')
    expect(response.text).toContain('Sin nota</textarea>')
    expect(await feedbackOf(id)).toEqual(NOTHING)
  })
})

describe('hostile comments', () => {
  it('a comment one character over 2000 is a 400 naming feedbackComment; exactly 2000 is kept whole', async () => {
    const tooLong = await freshEnrollment()
    const response = await postJson(tooLong, { token: linkToken(tooLong), rating: 5, comment: 'a'.repeat(2001) })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toEqual(['feedbackComment'])
    expect(await feedbackOf(tooLong)).toEqual(NOTHING)

    const justRight = await freshEnrollment()
    expect((await postJson(justRight, { token: linkToken(justRight), rating: 5, comment: 'b'.repeat(2000) })).status).toBe(200)
    expect((await feedbackOf(justRight)).feedbackComment).toBe('b'.repeat(2000))
  })

  it('a body of several megabytes is refused before it is read into a rating, and nothing is written', async () => {
    const id = await freshEnrollment()
    const response = await postForm(id, { token: linkToken(id), rating: '5', comment: 'z'.repeat(3 * 1024 * 1024) })
    expect(response.status).toBe(413)
    expect(await feedbackOf(id)).toEqual(NOTHING)
  })

  it('HTML and script in a comment are stored as text and never run on the page that shows them again', async () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&'
    const id = await freshEnrollment()
    // A bad rating sends the page back with the comment in the textarea: escaped.
    const page = await postForm(id, { token: linkToken(id), rating: '9', comment: hostile })
    expect(page.status).toBe(400)
    expect(page.text).not.toContain('<script>alert(1)')
    expect(page.text).not.toContain('<img src=x')
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;&amp;</textarea>')
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(page.headers.get('content-security-policy')).not.toContain('script-src')
    // Sent properly, it is kept exactly as typed (the admin shows it as text).
    expect((await postForm(id, { token: linkToken(id), rating: '2', comment: hostile })).status).toBe(200)
    expect((await feedbackOf(id)).feedbackComment).toBe(hostile)
  })

  it('a NUL byte or a lone surrogate in the comment is no server error: the rest is kept', async () => {
    const id = await freshEnrollment()
    const response = await postJson(id, { token: linkToken(id), rating: 3, comment: 'antes\u0000después \ud800fin' })
    expect(response.status).toBe(200)
    expect((await feedbackOf(id)).feedbackComment).toBe('antesdespués \ufffdfin')
  })

  it('a comment that is not text (a number, an object) is a 400 naming feedbackComment', async () => {
    for (const comment of [42, { html: '<b>' }, ['a']]) {
      const id = await freshEnrollment()
      const response = await postJson(id, { token: linkToken(id), rating: 4, comment })
      expect(response.status).toBe(400)
      expect(errorPaths(response.body)).toEqual(['feedbackComment'])
      expect(await feedbackOf(id)).toEqual(NOTHING)
    }
  })

  it('a body that is not JSON is a 400, not a server error', async () => {
    const id = await freshEnrollment()
    const response = await aula.api.request('POST', `/enrollments/${id}/feedback`, { body: '{"rating": 5,', headers: { 'content-type': 'application/json', ...fromIp() } })
    expect(response.status).toBe(400)
    expect(await feedbackOf(id)).toEqual(NOTHING)
  })
})

describe('any body at all', () => {
  const edge = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom('\uD800', '\u0000', "' OR 1=1--", '<script>x</script>', '5\u0000', ' 5', '5 ', '٥', '５', 'x'.repeat(100_000)),
    fc.integer(),
    fc.double(),
    fc.constantFrom(null, true, [], {}, [5], { __proto__: { polluted: 'yes' } }, 1, 5, '3'),
  )
  it('whatever rating and comment are sent with a valid token: never a 5xx, a refusal writes nothing, a success stores 1–5 and text', async () => {
    const id = await freshEnrollment()
    await fc.assert(
      fc.asyncProperty(edge, edge, fc.boolean(), async (rating, comment, asForm) => {
        const before = await feedbackOf(id)
        const response = asForm
          ? await postForm(id, { token: linkToken(id), rating: String(rating), comment: String(comment) })
          : await postJson(id, { token: linkToken(id), rating, comment })
        expectSafe(response, `rating=${JSON.stringify(rating)?.slice(0, 50)} comment=${JSON.stringify(comment)?.slice(0, 50)}`)
        const after = await feedbackOf(id)
        if (response.status >= 400) expect(after).toEqual(before)
        if (after.feedbackRating !== null) {
          expect([1, 2, 3, 4, 5]).toContain(after.feedbackRating)
          expect(after.feedbackComment === null || (typeof after.feedbackComment === 'string' && after.feedbackComment.length <= 2000)).toBe(true)
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      }),
      { numRuns: 40, seed: 20300520 },
    )
  }, 120_000)
})

describe('the page itself', () => {
  it('a site framing the feedback page or reading its referrer gets nothing: no framing, no referrer, no script, styles pinned by hash', async () => {
    const id = await freshEnrollment()
    const page = await aula.api.get(`/enrollments/${id}/feedback?token=${linkToken(id)}`)
    expect(page.status).toBe(200)
    expect(page.headers.get('x-frame-options')).toBe('DENY')
    expect(page.headers.get('referrer-policy')).toBe('no-referrer')
    expect(page.headers.get('cache-control')).toBe('no-store')
    const csp = String(page.headers.get('content-security-policy'))
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("form-action 'self'")
    const style = page.text.match(/<style>([\s\S]*?)<\/style>/)![1]
    expect(csp).toContain(`style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`)
    expect(page.text).not.toMatch(/<script|\sstyle=|\son[a-z]+=/i)
    expect(page.text).toMatch(new RegExp(`<form method="post" action="/api/enrollments/${id}/feedback">`))
  })
})

describe('the token', () => {
  it('no token, an empty one or a made-up one: a 404 page, and nothing is written', async () => {
    const id = await freshEnrollment()
    expect((await aula.api.get(`/enrollments/${id}/feedback`)).status).toBe(404)
    for (const token of [undefined, '', 'x'.repeat(43), linkToken(id).slice(0, -1)]) {
      const fields: Record<string, string> = { rating: '5' }
      if (token !== undefined) fields.token = token
      const response = await postForm(id, fields)
      expect(response.status).toBe(404)
      expect(response.text).toContain('Este enlace no es válido.')
    }
    expect(await feedbackOf(id)).toEqual(NOTHING)
  })

  it('another enrollment’s feedback token rates nobody: neither the victim nor the token’s owner', async () => {
    const mine = await freshEnrollment()
    const victim = await freshEnrollment()
    expect((await aula.api.get(`/enrollments/${victim}/feedback?token=${linkToken(mine)}`)).status).toBe(404)
    expect((await postJson(victim, { token: linkToken(mine), rating: 1, comment: 'Forged' })).status).toBe(404)
    expect(await feedbackOf(victim)).toEqual(NOTHING)
    expect(await feedbackOf(mine)).toEqual(NOTHING)
  })

  it('the cancel link’s token of the same enrollment does not open the feedback page', async () => {
    const id = await freshEnrollment()
    const token = cancelToken(aula.payload.secret, id)
    expect((await aula.api.get(`/enrollments/${id}/feedback?token=${token}`)).status).toBe(404)
    expect((await postJson(id, { token, rating: 5 })).status).toBe(404)
    expect(await feedbackOf(id)).toEqual(NOTHING)
  })

  it('an id written another way (01, 1.0, a query) or unknown is a 404 page, never a server error', async () => {
    const id = await freshEnrollment()
    for (const path of [`0${id}`, `${id}.0`, `${id}%20OR%201=1`, '999999999', '-1']) {
      const response = await aula.api.get(`/enrollments/${path}/feedback?token=${linkToken(id)}`)
      expect(response.status).toBe(404)
      expect((await postJson(path, { token: linkToken(id), rating: 5 })).status).toBe(404)
    }
    expect(await feedbackOf(id)).toEqual(NOTHING)
  })
})

describe('feedback is written only through the link', () => {
  const forged = { feedbackRating: 1, feedbackComment: 'Forged', feedbackAt: '2030-01-01T00:00:00.000Z' }

  it.each([
    ['the participant themselves', () => student.token],
    ['the instructor of the webinar', () => instructor.token],
    ['an admin', () => admin.token],
  ])('%s writing feedback over REST gets a 400 naming the field, and nothing changes', async (_who, tokenOf) => {
    for (const [field, value] of Object.entries(forged)) {
      const response = await aula.api.patch(`/enrollments/${studentEnrollment}`, { [field]: value }, { token: tokenOf() })
      expect(response.status).toBe(400)
      expect(errorPaths(response.body)).toEqual([field])
    }
    expect(await feedbackOf(studentEnrollment)).toEqual(NOTHING)
  })

  it('an admin writing feedback over GraphQL is refused, and nothing changes', async () => {
    const response = await aula.api.graphql(`mutation { updateEnrollment(id: ${studentEnrollment}, data: { feedbackRating: 5, feedbackComment: "Forged" }) { id } }`, {}, admin.token)
    expect(response.body.errors?.length).toBeGreaterThan(0)
    expect(await feedbackOf(studentEnrollment)).toEqual(NOTHING)
  })

  it('an admin creating an enrollment with feedback already in it is refused', async () => {
    const other = await aula.createUser(['student'])
    const response = await aula.api.post('/enrollments', { user: other.id, item: { relationTo: 'webinars', value: webinarId }, status: 'confirmed', feedbackRating: 5 }, { token: admin.token })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toEqual(['feedbackRating'])
    expect((await aula.payload.count({ collection: 'enrollments', where: { user: { equals: other.id } }, overrideAccess: true })).totalDocs).toBe(0)
  })

  it('an admin saving an enrollment that carries feedback (the form sends it back unchanged) still saves', async () => {
    const id = await freshEnrollment()
    expect((await postJson(id, { token: linkToken(id), rating: 4, comment: 'Bien' })).status).toBe(200)
    const stored = await feedbackOf(id)
    const response = await aula.api.patch(`/enrollments/${id}`, { ...stored, staffNote: 'Pidió factura' }, { token: admin.token })
    expect(response.status).toBe(200)
    expect(await feedbackOf(id)).toEqual(stored)
  })

  it('nobody writes the item’s average or count: an admin’s values are ignored', async () => {
    const before = await webinarRating()
    const response = await aula.api.patch(`/webinars/${webinarId}`, { ratingAverage: 5, ratingCount: 1000 }, { token: admin.token })
    expect(response.status).toBe(200)
    expect(await webinarRating()).toEqual(before)
  })
})

describe('rate limit', () => {
  it(`one address posting more than ${PUBLIC_WRITES_PER_IP} times gets 429 with Retry-After; the refused post writes nothing`, async () => {
    const ids = []
    for (let n = 0; n <= PUBLIC_WRITES_PER_IP; n += 1) ids.push(await freshEnrollment())
    const address = fromIp('203.0.113.77')
    const statuses = []
    for (const id of ids) statuses.push((await postForm(id, { token: linkToken(id), rating: '5' }, address)).status)
    expect(statuses).toEqual([...ids.slice(1).map(() => 200), 429])
    expect(await feedbackOf(ids[ids.length - 1])).toEqual(NOTHING)
    const refused = await postForm(ids[ids.length - 1], { token: linkToken(ids[ids.length - 1]), rating: '5' }, address)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
  })
})
