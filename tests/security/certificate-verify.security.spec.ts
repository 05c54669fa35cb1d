import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'

import { revokeCertificate } from '../../src/certificates/issue'
import { findByVerificationCode } from '../../src/certificates/verify/lookup'
import { verifyPageHandler } from '../../src/certificates/verify/pageHandler'
import { seedEmailTemplates } from '../../src/seed/emailTemplates'
import { startTestAula, type TestAula } from '../helpers/aula'
import { countStatements } from '../helpers/countStatements'
import { issuedCertificateFor } from '../helpers/verifiableCertificate'
import { expectSafe, failOnUnhandledRejections } from './hostileSafety'

let aula: TestAula
let valid: Awaited<ReturnType<typeof issuedCertificateFor>>
let revoked: Awaited<ReturnType<typeof issuedCertificateFor>>
let addressCounter = 0
/** Each test draws on its own client address, so budgets never leak from one test into another. */
const newAddress = () => `203.0.113.${(addressCounter += 1)}`

failOnUnhandledRejections()

const HOSTILE_NAME = '<script>alert("x")</script> Ñandú & "Co"'
const REVOKE_REASON = 'Se detectó que la asistencia registrada no correspondía.'

const verifyJson = (code: string, address = newAddress()) => aula.api.get(`/certificates/verify/${encodeURIComponent(code)}`, { headers: { 'x-forwarded-for': address } })

/** The human page through its real Next route handler (src/app/verify/[code]/route.ts exports the same). */
async function verifyPage(code: string, { address = newAddress(), acceptLanguage, query = '' }: { address?: string; acceptLanguage?: string; query?: string } = {}) {
  const headers = new Headers({ 'x-forwarded-for': address })
  if (acceptLanguage) headers.set('accept-language', acceptLanguage)
  const request = new Request(`http://localhost:3000/verify/${encodeURIComponent(code)}${query}`, { headers })
  const response = await verifyPageHandler(aula.payload.config)(request, { params: Promise.resolve({ code }) })
  return { status: response.status, headers: response.headers, text: await response.text() }
}

const savedLimit = process.env.RATE_LIMIT_VERIFY_PER_IP
const savedDisabled = process.env.RATE_LIMIT_DISABLED

beforeAll(async () => {
  delete process.env.RATE_LIMIT_DISABLED
  aula = await startTestAula()
  await seedEmailTemplates(aula.payload)
  valid = await issuedCertificateFor(aula, { firstName: 'Rosa', lastName: 'Quispe', company: 'Minera Sur', phone: '+51 999 111 222' }, { title: 'Excel para finanzas' })
  revoked = await issuedCertificateFor(aula, { firstName: HOSTILE_NAME, lastName: 'Pérez', language: 'en' }, { title: 'Power BI <b>avanzado</b>' })
  await revokeCertificate(aula.payload, { certificateId: revoked.certificate.id, reason: REVOKE_REASON })
})

afterEach(() => {
  if (savedLimit === undefined) delete process.env.RATE_LIMIT_VERIFY_PER_IP
  else process.env.RATE_LIMIT_VERIFY_PER_IP = savedLimit
  if (savedDisabled === undefined) delete process.env.RATE_LIMIT_DISABLED
  else process.env.RATE_LIMIT_DISABLED = savedDisabled
})

afterAll(async () => {
  await aula.close()
})

describe('public verification says what the certificate says, and nothing else about the person', () => {
  it('a stranger checking a valid code gets exactly the certificate facts and the links', async () => {
    const response = await verifyJson(valid.certificate.verificationCode)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const code = valid.certificate.verificationCode
    expect(response.body).toEqual({
      status: 'valid',
      number: valid.certificate.number,
      version: 1,
      holderName: 'Rosa Quispe',
      item: { type: 'webinar', title: 'Excel para finanzas' },
      hours: 1.5,
      completedOn: valid.certificate.completedOn,
      issuedOn: valid.certificate.issuedOn,
      revocation: null,
      links: {
        page: `http://localhost:3000/verify/${code}`,
        credential: `http://localhost:3000/api/certificates/verify/${code}/credential`,
        jwks: 'http://localhost:3000/api/certificates/jwks',
      },
    })
  })

  it("a stranger learns neither the holder's email, company, phone or ids, nor staff notes", async () => {
    const response = await verifyJson(valid.certificate.verificationCode)
    for (const secret of [valid.student.email, 'Minera Sur', '999 111 222', 'Emitido a mano', `"${valid.student.id}"`, `"${valid.enrollmentId}"`]) {
      expect(response.text).not.toContain(secret)
    }
    for (const field of ['user', 'enrollment', 'note', 'issuedBy', 'revokedBy', 'validKey', 'pdf', 'credential', 'id', 'email']) {
      expect(Object.keys(response.body)).not.toContain(field)
    }
    const page = await verifyPage(valid.certificate.verificationCode)
    for (const secret of [valid.student.email, 'Minera Sur', '999 111 222', 'Emitido a mano']) expect(page.text).not.toContain(secret)
  })

  it('a revoked certificate says so, with when and why, and its credential is withdrawn (410)', async () => {
    const response = await verifyJson(revoked.certificate.verificationCode)
    expect(response.status).toBe(200)
    expect(response.body.status).toBe('revoked')
    expect(response.body.revocation).toEqual({ revokedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), reason: REVOKE_REASON })
    expect(response.body.links.credential).toBeNull()
    const credential = await aula.api.get(`/certificates/verify/${revoked.certificate.verificationCode}/credential`, { headers: { 'x-forwarded-for': newAddress() } })
    expect(credential.status).toBe(410)
    expect(credential.text).not.toContain(String(revoked.certificate.credential).split('.')[2])
  })

  it("a valid code's public credential link serves the signed JWT anyone can check offline", async () => {
    const response = await aula.api.get(`/certificates/verify/${valid.certificate.verificationCode}/credential`, { headers: { 'x-forwarded-for': newAddress() } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/vc+jwt')
    expect(response.text).toBe(valid.certificate.credential)
  })
})

describe('unknown and hostile codes', () => {
  it('an unknown code of the right shape is a 404', async () => {
    const response = await verifyJson('A'.repeat(32))
    expect(response.status).toBe(404)
    expect(response.body.errors).toEqual([{ message: 'Not Found' }])
    expect((await verifyPage('A'.repeat(32))).status).toBe(404)
  })

  it('a code that cannot be ours (SQL, traversal, NUL, 10 kB, emoji, a near miss) is the same 404, looked up without a single query', async () => {
    process.env.RATE_LIMIT_DISABLED = 'true'
    const code = valid.certificate.verificationCode
    const hostile = [
      "' OR '1'='1",
      `${code}' --`,
      '../jwks',
      '..%2F..%2Fusers',
      'abc\u0000def',
      'x'.repeat(10_000),
      '😀'.repeat(16),
      code.slice(0, 31),
      `${code}A`,
      '%',
      '{"$ne":null}',
    ]
    for (const candidate of hostile) {
      const response = await verifyJson(candidate)
      expect({ candidate: candidate.slice(0, 40), status: response.status }).toEqual({ candidate: candidate.slice(0, 40), status: 404 })
      expect(response.text).not.toMatch(/sql|syntax|postgres|drizzle/i)
      const { result, statements } = await countStatements(aula.payload, () => findByVerificationCode(aula.payload, candidate))
      expect(result).toBeNull()
      expect(statements).toBe(0)
      const page = await verifyPage(candidate)
      expect(page.status).toBe(404)
      expect(page.text).not.toContain(candidate.slice(0, 20).replace(/[<>&"']/g, ''))
    }
    // Same shape, other letters' case: a different code (looked up, like any unknown one), never a match.
    expect((await verifyJson(code.toUpperCase() === code ? code.toLowerCase() : code.toUpperCase())).status).toBe(404)
  })

  it('any string at all as a code (fast-check) is a 404 page or answer, never a 5xx, on the JSON, the credential link and the page', async () => {
    process.env.RATE_LIMIT_DISABLED = 'true'
    const code = valid.certificate.verificationCode
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.stringMatching(/^[A-Za-z0-9_-]{32}$/)), async (candidate) => {
        fc.pre(candidate !== code)
        const json = await verifyJson(candidate)
        expectSafe(json, `GET verify ${JSON.stringify(candidate)}`)
        expect([400, 404]).toContain(json.status)
        const credential = await aula.api.get(`/certificates/verify/${encodeURIComponent(candidate)}/credential`)
        expect([400, 404]).toContain(credential.status)
        expect((await verifyPage(candidate)).status).toBe(404)
      }),
      { numRuns: 60, seed: 20261130 },
    )
  })

  it('where the code belongs in the path, a query-string filter cannot widen the lookup', async () => {
    const response = await aula.api.get(`/certificates/verify/${'B'.repeat(32)}?where[verificationCode][exists]=true`, { headers: { 'x-forwarded-for': newAddress() } })
    expect(response.status).toBe(404)
  })

  it("anonymous callers cannot list or read certificates through Payload's own routes", async () => {
    expect((await aula.api.get('/certificates')).body.docs ?? []).toEqual([])
    expect((await aula.api.get(`/certificates/${valid.certificate.id}`)).status).toBeGreaterThanOrEqual(400)
    const graphql = await aula.api.graphql(`{ Certificates { docs { holderName verificationCode } } }`)
    expect(JSON.stringify(graphql.body)).not.toContain(valid.certificate.verificationCode)
  })
})

describe('the human page', () => {
  it('speaks Spanish by default and English when the browser prefers it or ?lang=en asks', async () => {
    const code = valid.certificate.verificationCode
    const spanish = await verifyPage(code)
    expect(spanish.status).toBe(200)
    expect(spanish.text).toContain('<html lang="es">')
    expect(spanish.text).toContain('Certificado válido')
    expect(spanish.text).toContain('Rosa Quispe')
    expect(spanish.text).toContain(valid.certificate.number)
    expect(spanish.text).toContain(valid.certificate.completedOn.split('-').reverse().join('/'))
    const english = await verifyPage(code, { acceptLanguage: 'en-GB,en;q=0.9,es;q=0.5' })
    expect(english.text).toContain('<html lang="en">')
    expect(english.text).toContain('Valid certificate')
    const asked = await verifyPage(code, { acceptLanguage: 'es-PE', query: '?lang=en' })
    expect(asked.text).toContain('Valid certificate')
    expect((await verifyPage(code, { acceptLanguage: 'fr-FR,de;q=0.8' })).text).toContain('Certificado válido')
  })

  it('a revoked certificate reads as revoked, with the reason, in the chosen language', async () => {
    const page = await verifyPage(revoked.certificate.verificationCode, { query: '?lang=en' })
    expect(page.text).toContain('Revoked certificate')
    expect(page.text).toContain(REVOKE_REASON)
    expect(page.text).not.toContain('Valid certificate')
    expect(page.text).not.toContain('/credential')
  })

  it('a name or title with HTML is shown as text, and the page runs no script of anyone', async () => {
    const page = await verifyPage(revoked.certificate.verificationCode)
    expect(page.text).not.toContain('<script>alert')
    expect(page.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Ñandú &amp; &quot;Co&quot; Pérez')
    expect(page.text).toContain('Power BI &lt;b&gt;avanzado&lt;/b&gt;')
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(page.headers.get('x-frame-options')).toBe('DENY')
    expect(page.text).not.toMatch(/<script/i)
  })
})

describe('rate limiting', () => {
  it('one address gets RATE_LIMIT_VERIFY_PER_IP checks per window, then 429 with Retry-After; the page and unknown codes count too', async () => {
    process.env.RATE_LIMIT_VERIFY_PER_IP = '4'
    const address = newAddress()
    const code = valid.certificate.verificationCode
    expect((await verifyJson(code, address)).status).toBe(200)
    expect((await verifyJson('C'.repeat(32), address)).status).toBe(404)
    expect((await verifyJson('not a code', address)).status).toBe(404)
    expect((await verifyPage(code, { address })).status).toBe(200)
    const limited = await verifyJson(code, address)
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(limited.text).not.toContain('Rosa')
    const page = await verifyPage(code, { address })
    expect(page.status).toBe(429)
    expect(page.text).not.toContain('Rosa')
    // Someone else, elsewhere, is not affected.
    expect((await verifyJson(code, newAddress())).status).toBe(200)
  })

  it('the JWKS is not rate limited: verifiers fetch it freely', async () => {
    process.env.RATE_LIMIT_VERIFY_PER_IP = '1'
    for (let i = 0; i < 3; i += 1) expect((await aula.api.get('/certificates/jwks', { headers: { 'x-forwarded-for': '198.51.100.7' } })).status).toBe(200)
  })
})
