import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { REST_GET } from '@payloadcms/next/routes'

import { EXPORT_PAGE_SIZE } from '../../src/endpoints/exportCsv'
import { runSql, sql } from '../../src/dashboard/sql'
import { isStrictPhone } from '../../src/utilities/csv'
import { formatLocalDateTime } from '../../src/utilities/localTime'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'

let aula: TestAula
let admin: Awaited<ReturnType<TestAula['createUser']>>
let webinarA: number
let webinarB: number

const parse = (text: string) => text.replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((line) => line.split(','))
/** RFC 4180, for rows whose cells hold commas or quotes. */
const parseQuoted = (text: string): string[][] =>
  text
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((line) => [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map(([, cell]) => (cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell)))
const byHeader = (rows: string[][]) => rows.slice(1).map((row) => Object.fromEntries(rows[0].map((header, index) => [header, row[index]])))

beforeAll(async () => {
  aula = await startTestAula()
  admin = await aula.createUser(['admin'], { language: 'en' })
  webinarA = (await createWebinar(aula.payload, { title: 'Excel avanzado' })).id
  webinarB = (await createWebinar(aula.payload, { title: 'Power BI' })).id
  for (const [n, webinar] of [[1, webinarA], [2, webinarA], [3, webinarB]] as const) {
    const response = await aula.api.post(`/webinars/${webinar}/register`, { email: `alumna${n}@example.com`, firstName: n === 1 ? '=HYPERLINK("x")' : 'Ana', lastName: `L${n}` })
    expect(response.status).toBe(201)
  }
})

afterAll(async () => {
  await aula.close()
})

const participantsOf = (webinar: number) => `where[and][0][item.relationTo][equals]=webinars&where[and][1][item.value][equals]=${webinar}`

describe('CSV exports', () => {
  it('exports the participants of one webinar with the list view filters, formula-safe, headers in the user language', async () => {
    const response = await aula.api.get(`/enrollments/export.csv?${participantsOf(webinarA)}`, { token: admin.token })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/text\/csv/)
    const rows = parse(response.text)
    expect(rows[0].slice(0, 3)).toEqual(['ID', 'Name', 'Email'])
    expect(rows).toHaveLength(3)
    expect(rows.slice(1).map((row) => row[2]).sort()).toEqual(['alumna1@example.com', 'alumna2@example.com'])
    expect(rows.every((row) => row.length === rows[0].length || row.join(',').includes('HYPERLINK'))).toBe(true)
    expect(response.text).toContain(`"'=HYPERLINK(""x"") L1"`)
    expect(rows[1][6]).toBe('Excel avanzado')
  })

  it('Spanish headers from ?locale=es, the payload-lng cookie, or a Spanish user', async () => {
    const byQuery = await aula.api.get(`/enrollments/export.csv?locale=es&${participantsOf(webinarB)}`, { token: admin.token })
    expect(parse(byQuery.text)[0].slice(0, 3)).toEqual(['ID', 'Nombre', 'Correo'])
    const byCookie = await aula.api.get(`/enrollments/export.csv?${participantsOf(webinarB)}`, { token: admin.token, headers: { cookie: 'payload-lng=es' } })
    expect(parse(byCookie.text)[0][1]).toBe('Nombre')
    const editor = await aula.createUser(['editor'])
    expect(parse((await aula.api.get('/enrollments/export.csv', { token: editor.token })).text)[0][1]).toBe('Nombre')
  })

  it("honours access: a student's export has only their rows; anonymous callers get 401", async () => {
    const student = await aula.createUser(['student'])
    await aula.api.post(`/webinars/${webinarB}/register`, {}, { token: student.token })
    const own = parse((await aula.api.get('/enrollments/export.csv', { token: student.token })).text)
    expect(own).toHaveLength(2)
    expect(own[1][2]).toBe(student.email)
    const users = parse((await aula.api.get('/users/export.csv', { token: student.token })).text)
    expect(users.slice(1).map((row) => row[1])).toEqual([student.email])
    expect((await aula.api.get('/enrollments/export.csv')).status).toBe(401)
    expect((await aula.api.get('/users/export.csv')).status).toBe(401)
  })

  it('users export honours filters for an admin', async () => {
    const response = await aula.api.get('/users/export.csv?where[roles][in]=admin', { token: admin.token })
    const rows = parse(response.text)
    expect(rows[0]).toEqual(['ID', 'Email', 'First name', 'Last name', 'Phone', 'Company', 'Position', 'Roles', 'Language', 'Created at (Lima time)'])
    expect(rows.slice(1).map((row) => row[1])).toEqual([admin.email])
  })

  it('statuses, selects and booleans read as the admin reads them on screen, in their language', async () => {
    const [first] = (await aula.payload.find({ collection: 'enrollments', where: { 'item.value': { equals: webinarB } }, sort: 'id', limit: 1, overrideAccess: true })).docs
    await aula.payload.update({ collection: 'enrollments', id: first.id, data: { attended: true }, overrideAccess: true })
    const english = byHeader(parseQuoted((await aula.api.get(`/enrollments/export.csv?${participantsOf(webinarB)}`, { token: admin.token })).text))
    expect(english[0]).toMatchObject({ Type: 'Webinar', Status: 'Confirmed', Payment: 'Not required', Attended: 'Yes' })
    const spanish = byHeader(parseQuoted((await aula.api.get(`/enrollments/export.csv?locale=es&${participantsOf(webinarA)}`, { token: admin.token })).text))
    expect(spanish[0]).toMatchObject({ Tipo: 'Webinar', Estado: 'Confirmada', Pago: 'No requerido', Asistió: 'No' })
    const users = byHeader(parseQuoted((await aula.api.get('/users/export.csv?locale=es&where[roles][in]=admin', { token: admin.token })).text))
    expect(users[0]).toMatchObject({ Roles: 'Administrador', Idioma: 'Inglés' })
  })

  it('times are local with the zone named: the business zone in the header, the webinar zone in the cell', async () => {
    const rows = parseQuoted((await aula.api.get(`/enrollments/export.csv?locale=es&${participantsOf(webinarA)}`, { token: admin.token })).text)
    expect(rows[0]).toContain('Inscrito el (hora de Lima)')
    const [row] = byHeader(rows)
    const [enrollment] = (await aula.payload.find({ collection: 'enrollments', where: { id: { equals: Number(row.ID) } }, overrideAccess: true })).docs
    expect(row['Inscrito el (hora de Lima)']).toBe(formatLocalDateTime(enrollment.createdAt, 'America/Lima'))
    expect(row['Inscrito el (hora de Lima)']).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/)
    // The webinar starts 2030-05-20 00:00 UTC: 19:00 the day before in Lima, where it is held.
    expect(row['Fecha del webinar o curso']).toBe('19/05/2030 19:00 (hora de Lima)')

    await aula.payload.updateGlobal({ slug: 'business-settings', data: { timezone: 'Europe/Madrid' } as never, overrideAccess: true })
    try {
      const madrid = parseQuoted((await aula.api.get(`/enrollments/export.csv?${participantsOf(webinarA)}`, { token: admin.token })).text)
      expect(madrid[0]).toContain('Registered at (Madrid time)')
      expect(byHeader(madrid)[0]['Webinar or course date']).toBe('19/05/2030 19:00 (Lima time)')
    } finally {
      await aula.payload.updateGlobal({ slug: 'business-settings', data: { timezone: 'America/Lima' } as never, overrideAccess: true })
    }
  })

  it('a phone number shows as typed, with no apostrophe before its plus sign', async () => {
    const webinar = (await createWebinar(aula.payload, { title: 'Teléfonos' })).id
    await aula.api.post(`/webinars/${webinar}/register`, { email: 'telefono@example.com', firstName: 'Rosa', lastName: 'Paz', phone: '+51 987 654 321' })
    const [row] = byHeader(parseQuoted((await aula.api.get(`/enrollments/export.csv?${participantsOf(webinar)}`, { token: admin.token })).text))
    expect(row.Phone).toBe('+51 987 654 321')
  })

  it('a formula smuggled into the phone column is still neutralised', async () => {
    const webinar = (await createWebinar(aula.payload, { title: 'Fórmulas' })).id
    const attacks = ['+1+cmd|\' /C calc\'!A0', '=HYPERLINK("http://x")', '-2+3', '@SUM(1)', '+51 987 654 321 =1']
    for (const [n, phone] of attacks.entries()) {
      const response = await aula.api.post(`/webinars/${webinar}/register`, { email: `formula${n}@example.com`, firstName: 'F', lastName: String(n), phone })
      expect(response.status).toBe(201)
    }
    const rows = byHeader(parseQuoted((await aula.api.get(`/enrollments/export.csv?sort=id&${participantsOf(webinar)}`, { token: admin.token })).text))
    expect(rows.map((row) => row.Phone)).toEqual(attacks.map((phone) => `'${phone}`))
  })

  it('only strict phone numbers pass as phone numbers', () => {
    for (const phone of ['+51 987 654 321', '+1 (555) 010-9999', '(01) 444-5566', '+44.20.7946.0958', '987654321']) expect({ phone, strict: isStrictPhone(phone) }).toEqual({ phone, strict: true })
    for (const phone of ['+123', '=1+2', '+1+2', '-2+3', '+cmd|calc', '@SUM(1)', '+51 987 654 321 =1', '+1--2', '+1234567890123456', '+51\t987']) expect({ phone, strict: isStrictPhone(phone) }).toEqual({ phone, strict: false })
  })

  it('10,000 enrollments stream out page by page: every row arrives, in several chunks', async () => {
    const webinar = await createWebinar(aula.payload, { title: 'Masivo' })
    const person = await aula.createUser(['student'])
    await runSql(aula.payload, sql`
      WITH inserted AS (
        INSERT INTO enrollments (user_id, status, payment_status, amount, currency, price_tier, source)
        SELECT ${person.id}, 'confirmed', 'not_required', 0, 'USD', 'free', 'import' FROM generate_series(1, 10000)
        RETURNING id
      )
      INSERT INTO enrollments_rels (parent_id, path, webinars_id) SELECT id, 'item', ${webinar.id} FROM inserted`)
    const handler = REST_GET(aula.payload.config) as (request: Request, args: { params: Promise<{ slug: string[] }> }) => Promise<Response>
    const request = new Request(`http://localhost:3000/api/enrollments/export.csv?${participantsOf(webinar.id)}`, { headers: { authorization: `JWT ${admin.token}` } })
    const response = await handler(request, { params: Promise.resolve({ slug: ['enrollments', 'export.csv'] }) })
    expect(response.status).toBe(200)
    const reader = response.body!.getReader()
    const decoder = new TextDecoder()
    let chunks = 0
    let text = ''
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks += 1
      text += decoder.decode(value, { stream: true })
    }
    expect(parse(text)).toHaveLength(10001)
    // A header chunk plus one per page of 500: never one 10,000-row string.
    expect(chunks).toBeGreaterThanOrEqual(10000 / EXPORT_PAGE_SIZE)
  }, 180000)
})
