import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { issueCertificate } from '../../src/certificates/issue'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar, errorPaths } from '../helpers/catalog'
import { ManualClock } from '../helpers/manualClock'

const clock = new ManualClock('2030-01-10T12:00:00.000Z')
let aula: TestAula
type Login = Awaited<ReturnType<TestAula['createUser']>>
const who: Record<'admin' | 'editor' | 'sales' | 'instructor' | 'holder' | 'otherHolder', Login> = {} as never
/** The holder's certificate (a webinar the instructor presents) and another person's (a webinar they do not). */
let mine: Record<string, any>
let theirs: Record<string, any>

const over = { overrideAccess: true, depth: 0 } as const
const denied = [401, 403, 404]
const stored = (id: number) => aula.payload.findByID({ collection: 'certificates', id, ...over })
const tokenOf = (role: keyof typeof who | 'anonymous') => (role === 'anonymous' ? undefined : who[role].token)

beforeAll(async () => {
  aula = await startTestAula({ clock })
  for (const role of ['admin', 'editor', 'sales', 'instructor'] as const) who[role] = await aula.createUser([role])
  who.holder = await aula.createUser(['student'], { firstName: 'Rosa', lastName: 'Quispe' })
  who.otherHolder = await aula.createUser(['student'], { firstName: 'Otro', lastName: 'Titular' })
  const speaker = await aula.payload.create({ collection: 'speakers', data: { name: 'Ponente', user: who.instructor.id } as never, ...over })
  const taught = await createWebinar(aula.payload, { speakers: [speaker.id] })
  const untaught = await createWebinar(aula.payload)
  const register = async (webinarId: number, person: Login) => (await aula.api.post(`/webinars/${webinarId}/register`, undefined, { token: person.token })).body.doc.id as number
  mine = await issueCertificate(aula.payload, { enrollmentId: await register(taught.id, who.holder), note: 'Nota interna del equipo', issuedBy: who.admin.id })
  theirs = await issueCertificate(aula.payload, { enrollmentId: await register(untaught.id, who.otherHolder), note: 'Otra nota' })
}, 120_000)

afterAll(async () => {
  await aula?.close()
})

const ROLES = ['anonymous', 'holder', 'otherHolder', 'instructor', 'sales', 'editor', 'admin'] as const
const SEES: Record<(typeof ROLES)[number], ('mine' | 'theirs')[]> = {
  anonymous: [],
  holder: ['mine'],
  otherHolder: ['theirs'],
  instructor: ['mine'],
  sales: ['mine', 'theirs'],
  editor: ['mine', 'theirs'],
  admin: ['mine', 'theirs'],
}

describe('who reads certificates', () => {
  it.each([...ROLES])('%s lists, opens and queries (GraphQL) exactly the certificates they may', async (role) => {
    const token = tokenOf(role)
    const expected = SEES[role].map((label) => (label === 'mine' ? mine.id : theirs.id)).sort()
    const list = await aula.api.get('/certificates?limit=100&depth=0', { token })
    const listed = list.status === 200 ? list.body.docs.map((doc: { id: number }) => doc.id).sort() : []
    expect(listed).toEqual(expected)
    for (const certificate of [mine, theirs]) {
      const one = await aula.api.get(`/certificates/${certificate.id}?depth=0`, { token })
      if (expected.includes(certificate.id)) expect(one.status).toBe(200)
      else expect(denied).toContain(one.status)
    }
    const graphql = await aula.api.graphql('{ Certificates(limit: 100) { docs { id number } } }', {}, token)
    expect((graphql.body.data?.Certificates?.docs ?? []).map((doc: { id: number }) => doc.id).sort()).toEqual(expected)
    const single = await aula.api.graphql(`{ Certificate(id: ${theirs.id}) { id holderName } }`, {}, token)
    if (expected.includes(theirs.id)) expect(single.body.data?.Certificate?.holderName).toBe('Otro Titular')
    else expect(single.body.data?.Certificate ?? null).toBeNull()
  })

  it('the holder reads what their certificate says, but not the staff note, who issued it, or the hidden one-valid key (REST and GraphQL)', async () => {
    const rest = await aula.api.get(`/certificates/${mine.id}?depth=0`, { token: who.holder.token })
    expect(rest.body).toMatchObject({ number: mine.number, holderName: 'Rosa Quispe', verificationCode: mine.verificationCode, status: 'valid' })
    expect(rest.body.credential).toEqual(mine.credential)
    for (const field of ['note', 'issuedBy', 'revokedBy', 'validKey']) expect(rest.body).not.toHaveProperty(field)
    const graphql = await aula.api.graphql(`{ Certificate(id: ${mine.id}) { number note issuedBy { id } } }`, {}, who.holder.token)
    expect(graphql.body.data?.Certificate).toMatchObject({ number: mine.number, note: null, issuedBy: null })
    const staff = await aula.api.get(`/certificates/${mine.id}?depth=0`, { token: who.admin.token })
    expect(staff.body).toMatchObject({ note: 'Nota interna del equipo', issuedBy: who.admin.id })
    expect(staff.body).not.toHaveProperty('validKey')
  })

  it('filtering by the hidden key or by someone else’s person reveals nothing to a student', async () => {
    const byKey = await aula.api.get(`/certificates?where[validKey][exists]=true`, { token: who.holder.token })
    expect((byKey.body.docs ?? []).map((doc: { id: number }) => doc.id)).not.toContain(theirs.id)
    const byUser = await aula.api.get(`/certificates?where[user][equals]=${who.otherHolder.id}`, { token: who.holder.token })
    expect(byUser.body.docs ?? []).toEqual([])
  })
})

describe('nobody writes certificates through the API', () => {
  it.each([...ROLES])('%s cannot create, change (not even the printed name) or delete one over REST', async (role) => {
    const token = tokenOf(role)
    const before = await stored(mine.id)
    const created = await aula.api.post('/certificates', { number: 'AULA-2030-999999', holderName: 'Falso', enrollment: before.enrollment, user: before.user, item: before.item, verificationCode: 'f'.repeat(32), issuedAt: '2030-01-01T00:00:00.000Z', itemTitle: 'x' }, { token })
    expect(denied).toContain(created.status)
    const patched = await aula.api.patch(`/certificates/${mine.id}`, { holderName: 'Nombre falso', status: 'revoked', version: 9 }, { token })
    expect(denied).toContain(patched.status)
    const deleted = await aula.api.delete(`/certificates/${mine.id}`, { token })
    expect(denied).toContain(deleted.status)
    expect(await stored(mine.id)).toEqual(before)
    expect((await aula.payload.count({ collection: 'certificates', where: { number: { equals: 'AULA-2030-999999' } }, overrideAccess: true })).totalDocs).toBe(0)
  })

  it('an admin’s GraphQL create, update or delete is refused too', async () => {
    const before = await stored(mine.id)
    const update = await aula.api.graphql(`mutation { updateCertificate(id: ${mine.id}, data: { holderName: "Falso" }) { id } }`, {}, who.admin.token)
    const remove = await aula.api.graphql(`mutation { deleteCertificate(id: ${mine.id}) { id } }`, {}, who.admin.token)
    const create = await aula.api.graphql('mutation { createCertificate(data: { number: "X" }) { id } }', {}, who.admin.token)
    for (const answer of [update, remove, create]) expect(answer.body.errors?.length).toBeGreaterThan(0)
    expect(await stored(mine.id)).toEqual(before)
  })

  it('the hidden counters are readable by nobody, not even an admin', async () => {
    for (const role of ROLES) expect(denied).toContain((await aula.api.get('/certificate-counters', { token: tokenOf(role) })).status)
  })
})

describe('issue, revoke and reissue are an admin’s', () => {
  it.each(['anonymous', 'holder', 'instructor', 'sales', 'editor'] as const)('%s cannot issue, revoke or reissue, and nothing changes', async (role) => {
    const token = tokenOf(role)
    const before = await stored(mine.id)
    const count = (await aula.payload.count({ collection: 'certificates', overrideAccess: true })).totalDocs
    const enrollment = typeof before.enrollment === 'object' ? before.enrollment.id : before.enrollment
    const answers = [
      await aula.api.post('/certificates/issue', { enrollment, note: 'x' }, { token }),
      await aula.api.post(`/certificates/${mine.id}/revoke`, { reason: 'x' }, { token }),
      await aula.api.post(`/certificates/${mine.id}/reissue`, {}, { token }),
    ]
    for (const answer of answers) expect(role === 'anonymous' ? [401] : [403]).toContain(answer.status)
    expect(await stored(mine.id)).toEqual(before)
    expect((await aula.payload.count({ collection: 'certificates', overrideAccess: true })).totalDocs).toBe(count)
  })

  it('hostile input to the admin endpoints is a 400 or 404 naming the field, never a 500, and writes nothing', async () => {
    const before = await stored(theirs.id)
    const cases: [string, unknown, number, string[]][] = [
      [`/certificates/${theirs.id}/revoke`, { reason: 'x'.repeat(1001) }, 400, ['reason']],
      [`/certificates/${theirs.id}/revoke`, { reason: 'bad\u0000byte' }, 400, ['reason']],
      [`/certificates/${theirs.id}/revoke`, { reason: ['array'] }, 400, ['reason']],
      [`/certificates/${theirs.id}/revoke`, '{not json', 400, []],
      [`/certificates/${theirs.id}/reissue`, { note: { $gt: '' } }, 400, ['note']],
      ['/certificates/issue', { enrollment: '1 OR 1=1', note: 'x' }, 400, ['enrollment']],
      ['/certificates/issue', { enrollment: -1, note: 'x' }, 400, ['enrollment']],
      ['/certificates/01/revoke', { reason: 'x' }, 404, []],
      ['/certificates/abc/reissue', {}, 404, []],
      ['/certificates/99999999/revoke', { reason: 'x' }, 404, []],
    ]
    for (const [path, body, status, paths] of cases) {
      const response = await aula.api.post(path, body, { token: who.admin.token })
      expect({ path, status: response.status }).toEqual({ path, status })
      if (paths.length) expect(errorPaths(response.body)).toEqual(paths)
    }
    expect(await stored(theirs.id)).toEqual(before)
  })
})

describe('downloading the PDF', () => {
  it.each([...ROLES])('%s downloads a certificate’s PDF only if they may read the certificate (else the same 404 as a missing one)', async (role) => {
    for (const [label, certificate] of [['mine', mine], ['theirs', theirs]] as const) {
      const response = await aula.api.get(`/certificates/${certificate.id}/pdf`, { token: tokenOf(role) })
      if (SEES[role].includes(label)) {
        expect(response.status).toBe(200)
        expect(response.headers.get('cache-control')).toBe('private, no-store')
      } else expect(response.status).toBe(404)
    }
  })
})
