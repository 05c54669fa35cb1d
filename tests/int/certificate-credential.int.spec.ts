import { generateKeyPairSync } from 'node:crypto'

import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose'

import { signCertificateCredential } from '../../src/certificates/credential'
import { currentSigningKey, keyIdOf, publishedKeys } from '../../src/certificates/credential/keys/keyRing'
import { checkSigningKeyAtStart, readSigningKeySettings } from '../../src/certificates/credential/keys/settings'
import { databaseSigningKey } from '../../src/certificates/credential/keys/storedKey'
import { factsOf } from '../../src/certificates/facts'
import { reissueCertificate } from '../../src/certificates/issue'
import { EnvError } from '../../src/config/env'
import { seedEmailTemplates } from '../../src/seed/emailTemplates'
import { startTestAula, type TestAula } from '../helpers/aula'
import { issuedCertificateFor } from '../helpers/verifiableCertificate'

let aula: TestAula
let issued: Awaited<ReturnType<typeof issuedCertificateFor>>
const SERVER = 'http://localhost:3000'

/** The JWKS exactly as a verifier downloads it: through the real route handler, anonymously. */
async function publishedJwks(): Promise<JSONWebKeySet> {
  const response = await aula.api.get('/certificates/jwks')
  expect(response.status).toBe(200)
  return JSON.parse(response.text) as JSONWebKeySet
}

const verifyAgainstPublishedKeys = async (jws: string) =>
  jwtVerify(jws, createLocalJWKSet(await publishedJwks()), { issuer: SERVER, typ: 'vc+jwt', algorithms: ['EdDSA'] })

/** A fresh Ed25519 private key as the operator would put it in CERTIFICATE_SIGNING_KEY. */
const newPrivateJwk = (kid: string): Record<string, string> => ({ ...(generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }) as Record<string, string>), kid })
const publicOf = ({ d: _private, ...rest }: Record<string, string>) => rest

const segments = (jws: string) => jws.split('.')
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
const decodedSegment = (segment: string) => JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'))

const savedEnv = { key: process.env.CERTIFICATE_SIGNING_KEY, retired: process.env.CERTIFICATE_RETIRED_PUBLIC_KEYS }
const restoreEnv = () => {
  for (const [name, value] of [['CERTIFICATE_SIGNING_KEY', savedEnv.key], ['CERTIFICATE_RETIRED_PUBLIC_KEYS', savedEnv.retired]] as const) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
}

beforeAll(async () => {
  restoreEnv()
  delete process.env.CERTIFICATE_SIGNING_KEY
  delete process.env.CERTIFICATE_RETIRED_PUBLIC_KEYS
  aula = await startTestAula()
  await seedEmailTemplates(aula.payload)
  issued = await issuedCertificateFor(aula, { firstName: 'Rosa', lastName: 'Quispe Núñez', email: `rosa-${Date.now()}@example.org` }, { title: 'Excel para finanzas' })
})

afterEach(restoreEnv)

afterAll(async () => {
  restoreEnv()
  await aula.close()
})

describe('the Open Badges 3.0 credential', () => {
  it('an issued certificate carries a credential that verifies with jose against the JWKS the real handler publishes', async () => {
    const jws = String(issued.certificate.credential)
    const { payload, protectedHeader } = await verifyAgainstPublishedKeys(jws)
    expect(protectedHeader).toMatchObject({ alg: 'EdDSA', typ: 'vc+jwt', cty: 'vc' })
    expect((await publishedJwks()).keys.map((key) => key.kid)).toContain(protectedHeader.kid)
    expect(payload['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'])
    expect(payload.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential'])
    expect(payload.id).toBe(`${SERVER}/api/certificates/verify/${issued.certificate.verificationCode}`)
    expect(payload.jti).toBe(payload.id)
    expect(payload.issuer).toMatchObject({ id: SERVER, type: ['Profile'] })
    const subject = payload.credentialSubject as any
    expect(subject.type).toEqual(['AchievementSubject'])
    expect(subject.identifier).toEqual([{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: 'Rosa Quispe Núñez' }])
    expect(subject.achievement).toMatchObject({ type: ['Achievement'], achievementType: 'Certificate', name: 'Excel para finanzas', id: `${SERVER}/api/webinars/${issued.webinar.id}` })
    expect(String(payload.name)).toContain(issued.certificate.number)
    expect(String(payload.description)).toContain(`(1,5 horas) el ${issued.certificate.completedOn.split('-').reverse().join('/')}`)
    expect(new Date(String(payload.validFrom)).getTime()).toBe(Number(payload.nbf) * 1000)
  })

  it("an English-speaking holder's credential reads in English", async () => {
    const jws = await signCertificateCredential(aula.payload, { ...factsOf(issued.certificate), language: 'en' })
    const { payload } = await verifyAgainstPublishedKeys(jws)
    expect(payload.description).toBe(`Rosa Quispe Núñez completed "Excel para finanzas" (1.5 hours) on ${issued.certificate.completedOn}. Certificate ${issued.certificate.number}, version 1.`)
    expect((payload.credentialSubject as any).achievement).toMatchObject({ description: 'Webinar of 1.5 hours.', criteria: { narrative: 'Attend the webinar.' }, inLanguage: 'en' })
  })

  it('the credential says nothing about the holder beyond the printed name: no email, no account or enrollment id', async () => {
    const claims = decodeJwt(String(issued.certificate.credential))
    const text = JSON.stringify(claims)
    expect(text).not.toContain(issued.student.email)
    expect(text).not.toContain('Emitido a mano')
    expect(claims.sub).toBeUndefined()
    expect(text).not.toMatch(new RegExp(`/users/|/enrollments/|"${issued.student.id}"`))
  })

  it('the JWKS publishes public keys only, each with exactly kty, crv, x, kid, alg and use', async () => {
    const { keys } = await publishedJwks()
    expect(keys.length).toBeGreaterThan(0)
    for (const key of keys) {
      expect(Object.keys(key).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x'])
      expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' })
    }
    const response = await aula.api.get('/certificates/jwks')
    expect(response.headers.get('content-type')).toContain('application/jwk-set+json')
  })

  it('a credential whose claims were edited (another name) no longer verifies', async () => {
    const [header, claims, signature] = segments(String(issued.certificate.credential))
    const edited = decodedSegment(claims)
    edited.credentialSubject.identifier[0].identityHash = 'Otra Persona'
    await expect(verifyAgainstPublishedKeys(`${header}.${base64url(edited)}.${signature}`)).rejects.toMatchObject({ code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' })
  })

  it('a credential with a flipped signature byte no longer verifies', async () => {
    const [header, claims, signature] = segments(String(issued.certificate.credential))
    const bytes = Buffer.from(signature, 'base64url')
    bytes[0] ^= 0x01
    await expect(verifyAgainstPublishedKeys(`${header}.${claims}.${bytes.toString('base64url')}`)).rejects.toMatchObject({ code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' })
  })

  it('a header pointing at a key the JWKS does not hold, or claiming no algorithm, does not verify', async () => {
    const [header, claims, signature] = segments(String(issued.certificate.credential))
    const unknownKid = { ...decodedSegment(header), kid: 'someone-elses-key' }
    await expect(verifyAgainstPublishedKeys(`${base64url(unknownKid)}.${claims}.${signature}`)).rejects.toMatchObject({ code: 'ERR_JWKS_NO_MATCHING_KEY' })
    const none = { ...decodedSegment(header), alg: 'none' }
    await expect(verifyAgainstPublishedKeys(`${base64url(none)}.${claims}.`)).rejects.toThrow()
  })

  it('a credential signed by another key under our key id does not verify', async () => {
    const impostor = newPrivateJwk(String(decodeProtectedHeader(String(issued.certificate.credential)).kid))
    process.env.CERTIFICATE_SIGNING_KEY = JSON.stringify(impostor)
    const forged = await signCertificateCredential(aula.payload, factsOf(issued.certificate))
    restoreEnv()
    await expect(verifyAgainstPublishedKeys(forged)).rejects.toMatchObject({ code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' })
  })

  it('a reissue after a name correction signs a new credential with the corrected name and the next version', async () => {
    await aula.payload.update({ collection: 'users', id: issued.student.id, data: { lastName: 'Quispe Núñez de Arco' }, overrideAccess: true })
    const reissued = await reissueCertificate(aula.payload, { certificateId: issued.certificate.id, note: 'Apellido corregido' })
    const { payload } = await verifyAgainstPublishedKeys(String(reissued.credential))
    expect((payload.credentialSubject as any).identifier[0].identityHash).toBe('Rosa Quispe Núñez de Arco')
    expect(String(payload.description)).toContain('versión 2')
  })
})

describe('signing keys', () => {
  it('a development database generates its key once: concurrent first uses, and every later app start, read the one stored row', async () => {
    const kid = decodeProtectedHeader(await signCertificateCredential(aula.payload, factsOf(issued.certificate))).kid
    // What a restarted (or second) app does on its first signature: no memory, only the database.
    const keys = await Promise.all(Array.from({ length: 8 }, () => databaseSigningKey(aula.payload)))
    expect(new Set(keys.map((key) => key.x)).size).toBe(1)
    expect(keyIdOf(keys[0])).toBe(kid)
    const { rows } = await (aula.payload.db as any).pool.query('SELECT count(*)::int AS count FROM certificate_signing_keys')
    expect(rows[0].count).toBe(1)
  })

  it('the stored private key is reachable through no API: no REST route, no GraphQL type', async () => {
    for (const path of ['/certificate-signing-keys', '/certificate_signing_keys', '/certificates/signing-keys']) {
      const response = await aula.api.get(path)
      expect([404, 400]).toContain(response.status)
      expect(response.text).not.toContain('"d"')
    }
    const types = await aula.api.graphql('{ __schema { types { name } } }')
    expect(JSON.stringify(types.body)).not.toMatch(/SigningKey/i)
  })

  it('rotation: after CERTIFICATE_SIGNING_KEY changes and the old public key is listed as retired, old and new credentials both verify', async () => {
    const before = String(issued.certificate.credential)
    const keyA = newPrivateJwk('aula-2026-a')
    process.env.CERTIFICATE_SIGNING_KEY = JSON.stringify(keyA)
    const signedWithA = await signCertificateCredential(aula.payload, factsOf(issued.certificate))
    expect(decodeProtectedHeader(signedWithA).kid).toBe('aula-2026-a')

    // The operator rotates: a new key, and A's public part (as the JWKS showed it) in the retired list.
    const jwksWithA = await publishedJwks()
    const keyB = newPrivateJwk('aula-2027-b')
    process.env.CERTIFICATE_SIGNING_KEY = JSON.stringify(keyB)
    process.env.CERTIFICATE_RETIRED_PUBLIC_KEYS = JSON.stringify({ keys: jwksWithA.keys.filter((key) => key.kid === 'aula-2026-a') })
    const signedWithB = await signCertificateCredential(aula.payload, factsOf(issued.certificate))
    expect(decodeProtectedHeader(signedWithB).kid).toBe('aula-2027-b')

    const kids = (await publishedJwks()).keys.map((key) => key.kid)
    expect(kids).toEqual(expect.arrayContaining(['aula-2026-a', 'aula-2027-b']))
    await expect(verifyAgainstPublishedKeys(signedWithA)).resolves.toBeDefined()
    await expect(verifyAgainstPublishedKeys(signedWithB)).resolves.toBeDefined()
    // …and what the development database's own key signed before any of this.
    await expect(verifyAgainstPublishedKeys(before)).resolves.toBeDefined()

    // Forgetting to list the retired key is what breaks old credentials: the test above is not vacuous.
    delete process.env.CERTIFICATE_RETIRED_PUBLIC_KEYS
    await expect(verifyAgainstPublishedKeys(signedWithA)).rejects.toMatchObject({ code: 'ERR_JWKS_NO_MATCHING_KEY' })
  })

  it('production never generates a key: without CERTIFICATE_SIGNING_KEY signing is a 503 naming the variable, and the database key is not published', async () => {
    const production = readSigningKeySettings({ NODE_ENV: 'production' })
    await expect(currentSigningKey(aula.payload, production)).rejects.toMatchObject({ status: 503, message: expect.stringContaining('CERTIFICATE_SIGNING_KEY') })
    expect(await publishedKeys(aula.payload, production)).toEqual([])
    const key = newPrivateJwk('prod-1')
    const configured = readSigningKeySettings({ NODE_ENV: 'production', CERTIFICATE_SIGNING_KEY: JSON.stringify(key) })
    expect((await publishedKeys(aula.payload, configured)).map((each) => each.kid)).toEqual(['prod-1'])
  })

  it('a malformed key stops with an error naming the variable, never a half-working signer', () => {
    const key = newPrivateJwk('k1')
    const other = newPrivateJwk('k2')
    const cases: [Record<string, string>, RegExp][] = [
      [{ CERTIFICATE_SIGNING_KEY: 'not json' }, /CERTIFICATE_SIGNING_KEY is not valid JSON/],
      [{ CERTIFICATE_SIGNING_KEY: JSON.stringify(publicOf(key)) }, /CERTIFICATE_SIGNING_KEY must be a private key/],
      [{ CERTIFICATE_SIGNING_KEY: JSON.stringify({ ...key, x: other.x }) }, /"x" is not the public key of "d"/],
      [{ CERTIFICATE_SIGNING_KEY: JSON.stringify({ kty: 'RSA', n: 'abc', e: 'AQAB', d: 'xyz' }) }, /must hold Ed25519 JWKs/],
      [{ CERTIFICATE_RETIRED_PUBLIC_KEYS: JSON.stringify([key]) }, /CERTIFICATE_RETIRED_PUBLIC_KEYS holds a private key/],
      [{ CERTIFICATE_RETIRED_PUBLIC_KEYS: '{"kty":"OKP"}' }, /must be a JWKS/],
    ]
    for (const [env, message] of cases) {
      expect(() => readSigningKeySettings(env)).toThrow(EnvError)
      expect(() => readSigningKeySettings(env)).toThrow(message)
      // …and the same error at start-up (onInit), before any certificate is issued.
      expect(() => checkSigningKeyAtStart({ error: () => undefined }, env)).toThrow(message)
    }
  })

  it('production without a signing key says so in the log at start, naming the variable', () => {
    const logged: string[] = []
    checkSigningKeyAtStart({ error: ({ msg }) => logged.push(msg) }, { NODE_ENV: 'production' })
    expect(logged).toEqual([expect.stringContaining('CERTIFICATE_SIGNING_KEY is not set')])
    checkSigningKeyAtStart({ error: ({ msg }) => logged.push(msg) }, { NODE_ENV: 'production', CERTIFICATE_SIGNING_KEY: JSON.stringify(newPrivateJwk('p')) })
    checkSigningKeyAtStart({ error: ({ msg }) => logged.push(msg) }, {})
    expect(logged).toHaveLength(1)
  })
})

describe('the holder downloads their credential', () => {
  it('GET /api/certificates/:id/credential gives the holder the signed JWT as a file', async () => {
    const response = await aula.api.get(`/certificates/${issued.certificate.id}/credential`, { token: issued.student.token })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/vc+jwt')
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${issued.certificate.number}.jwt"`)
    const stored = await aula.payload.findByID({ collection: 'certificates', id: issued.certificate.id, depth: 0, overrideAccess: true })
    expect(response.text).toBe(stored.credential)
    await expect(verifyAgainstPublishedKeys(response.text)).resolves.toBeDefined()
  })

  it("another student, and an anonymous caller, get a 404 for someone else's credential", async () => {
    const stranger = await aula.createUser(['student'])
    expect((await aula.api.get(`/certificates/${issued.certificate.id}/credential`, { token: stranger.token })).status).toBe(404)
    expect((await aula.api.get(`/certificates/${issued.certificate.id}/credential`)).status).toBe(404)
    expect((await aula.api.get('/certificates/99999999/credential', { token: stranger.token })).status).toBe(404)
    expect((await aula.api.get('/certificates/abc/credential', { token: stranger.token })).status).toBe(404)
  })

  it('the holder reads the same credential as a field over REST and GraphQL', async () => {
    const rest = await aula.api.get(`/certificates/${issued.certificate.id}`, { token: issued.student.token })
    expect(rest.status).toBe(200)
    expect(rest.body.credential).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/)
    const graphql = await aula.api.graphql(`{ Certificate(id: ${issued.certificate.id}) { credential } }`, {}, issued.student.token)
    expect(graphql.body.data?.Certificate?.credential).toBe(rest.body.credential)
  })
})
