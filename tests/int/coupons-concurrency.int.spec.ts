import { spawn, type ChildProcess } from 'node:child_process'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'

// Its own file: payments are NOT configured here (Payload keeps one configuration per process), which
// is the point of the 100% coupon test, and it lets a 100% coupon make the bursts all-or-nothing fast.
let aula: TestAula
let sales: { token: string }

beforeAll(async () => {
  aula = await startTestAula({ poolMax: 30 })
  sales = await aula.createUser(['sales'])
})

afterAll(async () => {
  await aula?.close()
})

let counter = 0
const someone = (label = 'p') => ({ email: `${label}-${(counter += 1)}-${Date.now()}@example.com`, firstName: 'Mateo', lastName: `Quispe ${counter}` })
async function createCoupon(data: Record<string, unknown>) {
  const code = `GRATIS${Date.now().toString(36).toUpperCase()}${(counter += 1)}`
  const response = await aula.api.post('/coupons', { code, discountType: 'percentage', percentOff: 100, ...data }, { token: sales.token })
  if (response.status !== 201) throw new Error(`coupon not created: ${response.status} ${response.text}`)
  return response.body.doc as { id: number; code: string }
}
const usesHeld = async (couponId: number) => (await aula.api.get(`/coupons/${couponId}/redemptions`, { token: sales.token })).body.used as number
const couponReason = (body: any) => (body?.errors ?? []).flatMap((error: any) => error.data?.errors ?? []).find((item: any) => item.path === 'couponCode')?.reason

describe('a 100% coupon while payments are not configured', () => {
  it('confirms a seat of a paid webinar with no payment and no Stripe; without the coupon the same webinar still answers 503', async () => {
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 120, currency: 'USD', capacity: 10 })
    const coupon = await createCoupon({})
    const free = await aula.api.post(`/webinars/${webinar.id}/register`, { ...someone(), couponCode: coupon.code })
    expect(free.status).toBe(201)
    expect(free.body.doc).toMatchObject({ status: 'confirmed', paymentStatus: 'not_required', listPrice: 120, discount: 120, amount: 0 })
    expect((await aula.payload.count({ collection: 'payments', where: { enrollment: { equals: free.body.doc.id } }, overrideAccess: true })).totalDocs).toBe(0)
    expect((await aula.api.post(`/webinars/${webinar.id}/register`, someone())).status).toBe(503)
  })

  it('a waitlisted person with a 100% coupon is confirmed, not asked to pay, when a seat frees up', async () => {
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 120, currency: 'USD', capacity: 1 })
    const coupon = await createCoupon({})
    const student = await aula.createUser(['student'])
    const first = await aula.api.post(`/webinars/${webinar.id}/register`, { couponCode: coupon.code }, { token: student.token })
    const waiting = await aula.api.post(`/webinars/${webinar.id}/register`, { ...someone(), couponCode: coupon.code })
    expect(waiting.body.doc.status).toBe('waitlisted')
    expect((await aula.api.post(`/enrollments/${first.body.doc.id}/cancel`, {}, { token: student.token })).status).toBe(200)
    const promoted = await aula.payload.findByID({ collection: 'enrollments', id: waiting.body.doc.id, overrideAccess: true, depth: 0 })
    expect(promoted).toMatchObject({ status: 'confirmed', paymentStatus: 'not_required', amount: 0 })
  })
})

// Spread over several webinars: registrations for one webinar already queue on its row lock, so
// only different items sharing a coupon test the coupon's own lock (docs/decisions/0018).
const paidWebinars = (count: number) => Promise.all(Array.from({ length: count }, () => createWebinar(aula.payload, { isFree: false, price: 50, currency: 'USD', capacity: 500 })))
const enrolledIn = async (webinarIds: number[]) =>
  (await aula.payload.count({ collection: 'enrollments', where: { and: [{ 'item.value': { in: webinarIds } }, { 'item.relationTo': { equals: 'webinars' } }] }, overrideAccess: true })).totalDocs

describe('redemptions under concurrency', () => {
  it('200 people redeeming a 10-use coupon at the same moment, across 10 webinars, get exactly 10 seats; the other 190 get used_up and nothing is written for them', async () => {
    const webinars = await paidWebinars(10)
    const coupon = await createCoupon({ maxRedemptions: 10 })
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, n) => aula.api.post(`/webinars/${webinars[n % 10].id}/register`, { ...someone('rafaga'), couponCode: coupon.code })),
    )
    expect(responses.filter((response) => response.status >= 500)).toEqual([])
    expect(responses.filter((response) => response.status === 201)).toHaveLength(10)
    const refused = responses.filter((response) => response.status === 400)
    expect(refused).toHaveLength(190)
    expect(new Set(refused.map((response) => couponReason(response.body)))).toEqual(new Set(['used_up']))
    expect(await usesHeld(coupon.id)).toBe(10)
    expect(await enrolledIn(webinars.map((webinar) => webinar.id))).toBe(10)
    const seatsLeft = await Promise.all(webinars.map(async (webinar) => (await aula.api.get(`/webinars/${webinar.id}`)).body.seatsLeft as number))
    expect(seatsLeft.reduce((sum, left) => sum + (500 - left), 0)).toBe(10)
    // Each new person's password hash costs 100–300 ms of CPU (docs/benchmarks.md): on a busy machine this takes minutes.
  }, 300_000)

  it('two app processes on one database, 100 redemptions each at the same moment on their own webinars, never serve an 11th use of a 10-use coupon', async () => {
    const [mineWebinars, theirWebinars] = [await paidWebinars(5), await paidWebinars(5)]
    const coupon = await createCoupon({ maxRedemptions: 10 })
    const other = await startBurstProcess({ paths: theirWebinars.map((webinar) => `/webinars/${webinar.id}/register`), count: 100, prefix: `otra-${Date.now()}`, body: { couponCode: coupon.code } })
    try {
      other.go()
      const [mine, theirs] = await Promise.all([
        Promise.all(Array.from({ length: 100 }, (_, n) => aula.api.post(`/webinars/${mineWebinars[n % 5].id}/register`, { ...someone('esta'), couponCode: coupon.code }))).then((responses) =>
          responses.map((response) => response.status),
        ),
        other.statuses,
      ])
      const all = [...mine, ...theirs]
      expect(all.filter((status) => status >= 500)).toEqual([])
      expect(all.filter((status) => status === 201)).toHaveLength(10)
      expect(all.filter((status) => status === 400)).toHaveLength(190)
      expect(theirs).toHaveLength(100)
      expect(await usesHeld(coupon.id)).toBe(10)
      expect(await enrolledIn([...mineWebinars, ...theirWebinars].map((webinar) => webinar.id))).toBe(10)
    } finally {
      other.stop()
    }
  }, 300_000)
})

/** A second Aula process (tests/helpers/registrationBurstProcess.ts) on this test's database, ready to fire on `go()`. */
async function startBurstProcess({ paths, count, prefix, body }: { paths: string[]; count: number; prefix: string; body: Record<string, unknown> }) {
  const child: ChildProcess = spawn(process.execPath, ['--no-deprecation', 'node_modules/tsx/dist/cli.mjs', 'tests/helpers/registrationBurstProcess.ts'], {
    env: { ...process.env, BURST_DATABASE_URI: aula.databaseUri, BURST_PATHS: JSON.stringify(paths), BURST_COUNT: String(count), BURST_PREFIX: prefix, BURST_BODY: JSON.stringify(body) },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let output = ''
  let errors = ''
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()))
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('ready')) resolve()
    })
    child.once('exit', (code) => reject(new Error(`the second process exited (${code}) before it was ready: ${output}\n${errors.slice(-2000)}`)))
  })
  const statuses = new Promise<number[]>((resolve, reject) => {
    child.once('exit', () => {
      const line = output.split('\n').find((each) => each.startsWith('statuses '))
      if (line) resolve(JSON.parse(line.slice('statuses '.length)))
      else reject(new Error(`the second process gave no statuses: ${output}\n${errors.slice(-2000)}`))
    })
  })
  await ready
  return {
    go: () => child.stdin?.write('go\n'),
    statuses,
    stop: () => {
      if (child.exitCode === null) child.kill('SIGTERM')
    },
  }
}
