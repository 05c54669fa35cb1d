import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { PayloadSDK, PayloadSDKError } from '@payloadcms/sdk'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { issueCertificate } from '../../src/certificates/issue'
import { poolDrizzle, rowsOf } from '../../src/email/database'
import type { Config } from '../../src/payload-types'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'
import { serveAulaOverHttp, type AulaHttpServer } from '../helpers/httpServer'

/**
 * The official REST SDK (`@payloadcms/sdk`, same version as Payload) typed with Aula's generated
 * types, used as docs/frontend.md shows a website developer: over real HTTP against the app.
 */
let aula: TestAula
let server: AulaHttpServer
let sdk: PayloadSDK<Config>

beforeAll(async () => {
  aula = await startTestAula()
  server = await serveAulaOverHttp(aula.payload.config)
  sdk = new PayloadSDK<Config>({ baseURL: `${server.url}/api` })
}, 120_000)

afterAll(async () => {
  await server?.close()
  await aula.close()
})

const asPerson = (token: string): RequestInit => ({ headers: { Authorization: `JWT ${token}` } })

const resetTokenOf = async (email: string): Promise<string> => {
  for (let tries = 0; tries < 50; tries += 1) {
    const [row] = rowsOf<{ token: string | null }>(await poolDrizzle(aula.payload).execute(sql`SELECT reset_password_token AS token FROM users WHERE email = ${email}`))
    if (row?.token) return row.token
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`no reset token for ${email}`)
}

describe('A website using @payloadcms/sdk with Aula’s generated types', () => {
  it('lists published webinars with where, select, sort and depth: drafts and other fields stay out', async () => {
    const soon = await createWebinar(aula.payload, { title: 'SDK: Excel avanzado', startsAt: '2030-06-01T15:00:00.000Z' })
    const later = await createWebinar(aula.payload, { title: 'SDK: Power BI', startsAt: '2030-07-01T15:00:00.000Z' })
    await createWebinar(aula.payload, { title: 'SDK: borrador', status: 'draft' })

    const page = await sdk.find({
      collection: 'webinars',
      where: { and: [{ status: { equals: 'published' } }, { title: { like: 'SDK:' } }] },
      select: { title: true, slug: true, startsAt: true, seatsLeft: true },
      sort: 'startsAt',
      depth: 0,
    })

    expect(page.docs.map((doc) => doc.title)).toEqual(['SDK: Excel avanzado', 'SDK: Power BI'])
    expect(page.docs.map((doc) => doc.id)).toEqual([soon.id, later.id])
    // What was selected came over the wire (with what Aula computes seatsLeft from, and startsAt's time
    // zone), and nothing else: no summary, no description, no meeting link.
    expect(Object.keys(page.docs[0]).sort()).toEqual(['capacity', 'id', 'seatsLeft', 'seatsTaken', 'slug', 'startsAt', 'startsAt_tz', 'title'])
    expect((page.docs[0] as Record<string, unknown>).startsAt_tz).toBe('America/Lima')
  })

  it('reads one webinar by its slug, and the speakers come populated at depth 1', async () => {
    const speaker = await aula.payload.create({ collection: 'speakers', data: { name: 'Lucía Ramos', email: 'lucia.sdk@example.com' } as never, overrideAccess: true })
    const webinar = await createWebinar(aula.payload, { title: 'SDK: Tablas dinámicas', speakers: [speaker.id] })

    const { docs } = await sdk.find({ collection: 'webinars', where: { slug: { equals: webinar.slug } }, limit: 1, depth: 1 })

    expect(docs).toHaveLength(1)
    expect(docs[0].title).toBe('SDK: Tablas dinámicas')
    const [first] = docs[0].speakers ?? []
    expect(typeof first === 'object' && first !== null ? first.name : first).toBe('Lucía Ramos')
  })

  it('registers through the custom endpoint; a bad email comes back as a 400 naming the field', async () => {
    const webinar = await createWebinar(aula.payload, { title: 'SDK: Registro', capacity: 10 })
    const response = await sdk.request({ method: 'POST', path: `/webinars/${webinar.id}/register`, json: { email: 'marta.sdk@example.com', firstName: 'Marta', lastName: 'Quispe' } })
    expect(response.status).toBe(201)
    const answer = await response.json()
    expect(answer.doc.status).toBe('confirmed')

    // The SDK throws on any answer that is not 2xx, with the API's errors on it.
    const refused = await sdk.request({ method: 'POST', path: `/webinars/${webinar.id}/register`, json: { email: 'no es un correo', firstName: 'Marta', lastName: 'Quispe' } }).catch((caught: unknown) => caught)
    expect(refused).toBeInstanceOf(PayloadSDKError)
    expect((refused as PayloadSDKError).status).toBe(400)
    expect(JSON.stringify((refused as PayloadSDKError).errors)).toContain('"path":"email"')
  })

  it('a registrant claims the account, logs in and reads only their own enrollments and certificates', async () => {
    const webinar = await createWebinar(aula.payload, { title: 'SDK: Certificado', capacity: 10 })
    const email = `sdk-alumna-${Date.now()}@example.com`
    const registered = await sdk.request({ method: 'POST', path: `/webinars/${webinar.id}/register`, json: { email, firstName: 'Rosa', lastName: 'Huamán' } })
    const enrollmentId: number = (await registered.json()).doc.id
    // Someone else's enrollment on the same webinar, which Rosa must not see.
    await sdk.request({ method: 'POST', path: `/webinars/${webinar.id}/register`, json: { email: `sdk-otro-${Date.now()}@example.com`, firstName: 'Otro', lastName: 'Alumno' } })
    const certificate = await issueCertificate(aula.payload, { enrollmentId, note: 'SDK' })

    await sdk.forgotPassword({ collection: 'users', data: { email } })
    await sdk.resetPassword({ collection: 'users', data: { token: await resetTokenOf(email), password: 'mi clave 2026 sdk' } })
    const { token, user } = await sdk.login({ collection: 'users', data: { email, password: 'mi clave 2026 sdk' } })
    expect(user.email).toBe(email)
    expect(token).toEqual(expect.any(String))

    const me = await sdk.me({ collection: 'users' }, asPerson(token!))
    expect(me.user?.firstName).toBe('Rosa')
    const enrollments = await sdk.find({ collection: 'enrollments', depth: 0 }, asPerson(token!))
    expect(enrollments.docs.map((doc) => doc.id)).toEqual([enrollmentId])
    const certificates = await sdk.find({ collection: 'certificates', depth: 0 }, asPerson(token!))
    expect(certificates.docs.map((doc) => doc.verificationCode)).toEqual([certificate.verificationCode])

    // Without the token, enrollments are not for reading at all.
    const anonymous = await sdk.find({ collection: 'enrollments', depth: 0 }).catch((caught: unknown) => caught)
    expect((anonymous as PayloadSDKError).status).toBe(403)
  })

  it('a wrong password is a PayloadSDKError carrying the 401', async () => {
    const error = await sdk.login({ collection: 'users', data: { email: 'nadie@example.com', password: 'no' } }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(PayloadSDKError)
    expect((error as PayloadSDKError).status).toBe(401)
  })
})
