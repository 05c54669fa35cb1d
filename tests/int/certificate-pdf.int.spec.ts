import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import sharp from 'sharp'

import { buildCertificatePdf, resolveDesign, storeCertificatePdf } from '../../src/certificates/pdf'
import { readUploadBytes } from '../../src/certificates/pdf/images'
import type { CertificateFacts } from '../../src/certificates/types'
import { certificateVerifyPageUrl } from '../../src/certificates/urls'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createCourse, createWebinar, errorPaths } from '../helpers/catalog'
import { pdfPages, pdfQrCode, pdfText, pdfTextRuns } from '../helpers/certificatePdf'

let aula: TestAula
let editor: { id: number; token: string }

beforeAll(async () => {
  aula = await startTestAula()
  editor = await aula.createUser(['editor'])
})

afterAll(async () => {
  await aula.close()
})

let counter = 0
const facts = (overrides: Partial<CertificateFacts> & Pick<CertificateFacts, 'item'>): CertificateFacts => ({
  number: `AULA-2026-${String((counter += 1)).padStart(6, '0')}`,
  verificationCode: `code-${counter}-Zx8_q-3f9GkLmNpQrStUv`,
  version: 1,
  status: 'valid',
  holderName: 'Ana Pérez',
  hours: 1.5,
  completedOn: '2026-11-28',
  issuedOn: '2026-11-30',
  signatoryName: 'Carmen Quispe',
  signatoryTitle: 'Directora académica',
  language: 'es',
  ...overrides,
})

const png = (width: number, height: number, colour = { r: 30, g: 90, b: 160 }) => sharp({ create: { width, height, channels: 3, background: colour } }).png().toBuffer()

/** An editor's upload to `media`, as the admin's upload field sends it. */
async function uploadMedia(bytes: Buffer, filename: string, type: string): Promise<{ status: number; id: number }> {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), filename)
  form.append('_payload', JSON.stringify({ alt: filename }))
  const response = await aula.api.post('/media', form, { token: editor.token })
  return { status: response.status, id: response.body?.doc?.id }
}

const MINIMAL_PDF =
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/MediaBox[0 0 612 792]/Parent 2 0 R>>endobj\nxref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n0000000101 00000 n \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n170\n%%EOF\n'

const designBody = (overrides: Record<string, unknown> = {}) => ({
  name: `Diseño ${(counter += 1)}`,
  scope: 'default',
  signatoryName: 'Carmen Quispe',
  signatoryTitle: 'Directora académica',
  ...overrides,
})

describe('the certificate PDF', () => {
  it('prints the name, item, hours, completion date and number, and its QR code opens the public verification page', async () => {
    const webinar = await createWebinar(aula.payload, { title: 'Excel para finanzas' })
    const certificate = facts({ item: { relationTo: 'webinars', id: webinar.id, title: 'Excel para finanzas' } })
    const bytes = await buildCertificatePdf(aula.payload, certificate)

    const text = await pdfText(bytes)
    expect(text).toContain('Ana Pérez')
    expect(text).toContain('Excel para finanzas')
    expect(text).toContain(certificate.number)
    expect(text).toContain('1.5 horas')
    expect(text).toContain('28 de noviembre de 2026')
    expect(text).toContain('Carmen Quispe')
    expect(await pdfQrCode(bytes)).toBe(certificateVerifyPageUrl(aula.payload, certificate.verificationCode))
    expect(certificateVerifyPageUrl(aula.payload, certificate.verificationCode)).toBe(`http://localhost:3000/verify/${certificate.verificationCode}`)
    expect(await pdfPages(bytes)).toMatchObject({ pageCount: 1 })
  })

  it('prints any Latin name exactly as typed, beyond what the standard PDF fonts can encode', async () => {
    const webinar = await createWebinar(aula.payload)
    const name = 'Łukasz Ğündoğdu Nguyễn Thị Ánh Ørsted'
    const text = await pdfText(await buildCertificatePdf(aula.payload, facts({ holderName: name, item: { relationTo: 'webinars', id: webinar.id, title: 'Œuvres & ça' } })))
    expect(text).toContain(name)
    expect(text).toContain('Œuvres & ça')
  })

  it('speaks the holder’s language: an English holder gets English wording and dates', async () => {
    const course = await createCourse(aula.payload, { title: 'Agile basics' })
    const text = await pdfText(await buildCertificatePdf(aula.payload, facts({ language: 'en', hours: 24, item: { relationTo: 'courses', id: course.id, title: 'Agile basics' } })))
    expect(text).toContain('CERTIFICATE')
    expect(text).toContain('24 hours')
    expect(text).toContain('November 28, 2026')
  })

  it('a very long name and title wrap onto the page whole, instead of running off its edge or losing their end', async () => {
    const webinar = await createWebinar(aula.payload)
    const name = 'María de los Ángeles Fernández-Villavicencio Quispe de la Torre y Sánchez-Cerro Łukasiewicz'
    const title = 'Diplomado internacional en gestión estratégica de proyectos de infraestructura pública con enfoque en sostenibilidad ambiental, social y de gobernanza (ASG) y transformación digital'
    const bytes = await buildCertificatePdf(aula.payload, facts({ holderName: name, item: { relationTo: 'webinars', id: webinar.id, title } }))
    const text = await pdfText(bytes)
    expect(text).toContain(name)
    expect(text).toContain(`«${title}»`)
    const { pageWidth, runs } = await pdfTextRuns(bytes)
    for (const run of runs) {
      expect(run.left).toBeGreaterThanOrEqual(0)
      expect(run.right).toBeLessThanOrEqual(pageWidth)
    }
  })

  it('a revoked certificate drawn again cannot pass for a valid one: it says REVOCADO across the page', async () => {
    const webinar = await createWebinar(aula.payload)
    const item = { relationTo: 'webinars' as const, id: webinar.id, title: 'Taller' }
    expect(await pdfText(await buildCertificatePdf(aula.payload, facts({ item })))).not.toContain('REVOCADO')
    expect(await pdfText(await buildCertificatePdf(aula.payload, facts({ item, status: 'revoked' })))).toContain('REVOCADO')
    expect(await pdfText(await buildCertificatePdf(aula.payload, facts({ item, status: 'revoked', language: 'en' })))).toContain('REVOKED')
  })

  it('control characters and direction overrides in a name cannot reorder or hide what is printed', async () => {
    const webinar = await createWebinar(aula.payload)
    const text = await pdfText(await buildCertificatePdf(aula.payload, facts({ holderName: 'Ana\u202e zepéP\u0000\n', item: { relationTo: 'webinars', id: webinar.id, title: 'Taller' } })))
    expect(text).toContain('Ana zepéP')
    expect(text).not.toMatch(/[\u202e\u0000]/)
  })
})

describe('certificate designs', () => {
  it('a certificate uses its item’s design, else its category’s, else the default one, else the built-in layout', async () => {
    const category = await aula.payload.create({ collection: 'categories', data: { name: `Finanzas ${counter}` } as never, overrideAccess: true })
    const webinar = await createWebinar(aula.payload, { category: category.id })
    const item = { relationTo: 'webinars' as const, id: webinar.id }
    expect((await resolveDesign(aula.payload, item)).id).toBeNull()

    const created = async (body: Record<string, unknown>) => {
      const response = await aula.api.post('/certificate-designs', designBody(body), { token: editor.token })
      expect(response.status).toBe(201)
      return response.body.doc.id as number
    }
    const byDefault = await created({ scope: 'default', signatoryName: 'Firma general', wording: { es: { title: 'Constancia general' } } })
    expect(await resolveDesign(aula.payload, item)).toMatchObject({ id: byDefault, signatoryName: 'Firma general' })
    const byCategory = await created({ scope: 'category', category: category.id, signatoryName: 'Jefa de finanzas' })
    expect((await resolveDesign(aula.payload, item)).id).toBe(byCategory)
    const byItem = await created({
      scope: 'item',
      item: { relationTo: 'webinars', value: webinar.id },
      signatoryName: 'Invitado especial',
      wording: { es: { title: 'Diploma', preamble: 'Reconocemos a', body: '{{name}} terminó {{item}} ({{hours}} h, {{date}}), certificado {{number}}.' } },
    })
    expect((await resolveDesign(aula.payload, item)).id).toBe(byItem)

    const certificate = facts({ item: { ...item, title: 'Flujo de caja' }, signatoryName: 'Invitado especial' })
    const text = await pdfText(await buildCertificatePdf(aula.payload, certificate))
    expect(text).toContain('DIPLOMA')
    expect(text).toContain('Reconocemos a')
    expect(text).toContain(`Ana Pérez terminó Flujo de caja (1.5 h, 28 de noviembre de 2026), certificado ${certificate.number}.`)
    expect(text).toContain('Invitado especial')
  })

  it('the design’s page size and orientation shape the page, and its pictures are drawn on it', async () => {
    const webinar = await createWebinar(aula.payload)
    const logo = await uploadMedia(await png(400, 120), 'logo.png', 'image/png')
    const background = await uploadMedia(await sharp({ create: { width: 1200, height: 1700, channels: 3, background: { r: 250, g: 245, b: 230 } } }).jpeg().toBuffer(), 'fondo.jpg', 'image/jpeg')
    const signature = await uploadMedia(await png(300, 100, { r: 10, g: 10, b: 10 }), 'firma.png', 'image/png')
    const response = await aula.api.post(
      '/certificate-designs',
      designBody({ scope: 'item', item: { relationTo: 'webinars', value: webinar.id }, pageSize: 'Letter', orientation: 'portrait', logo: logo.id, background: background.id, signature: signature.id }),
      { token: editor.token },
    )
    expect(response.status).toBe(201)
    const certificate = facts({ item: { relationTo: 'webinars', id: webinar.id, title: 'Con imágenes' } })
    const bytes = await buildCertificatePdf(aula.payload, certificate)
    expect(await pdfPages(bytes)).toEqual({ pageCount: 1, width: 612, height: 792 })
    // Three embedded pictures: the PDF holds an image XObject for each.
    expect((Buffer.from(bytes).toString('latin1').match(/\/Subtype \/Image/g) ?? []).length).toBe(3)
    expect(await pdfQrCode(bytes)).toBe(certificateVerifyPageUrl(aula.payload, certificate.verificationCode))
  })

  it('a wording with a variable certificates do not have is refused with a 400 naming the field, and nothing is saved', async () => {
    const before = await aula.payload.count({ collection: 'certificate-designs' })
    const response = await aula.api.post('/certificate-designs', designBody({ scope: 'item', item: { relationTo: 'webinars', value: (await createWebinar(aula.payload)).id }, wording: { en: { body: 'Well done {{firstName}} on {{item}}' } } }), {
      token: editor.token,
    })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body)).toEqual(['wording.en.body'])
    expect(JSON.stringify(response.body)).toContain('{{firstName}}')
    expect(await aula.payload.count({ collection: 'certificate-designs' })).toEqual(before)
  })

  it('a picture the PDF cannot carry (WebP, a PDF, a 7,000-pixel image) is refused naming its field', async () => {
    const webp = await uploadMedia(await sharp({ create: { width: 200, height: 200, channels: 3, background: { r: 1, g: 2, b: 3 } } }).webp().toBuffer(), 'logo.webp', 'image/webp')
    const huge = await uploadMedia(await png(7000, 300), 'ancho.png', 'image/png')
    const pdf = await uploadMedia(Buffer.from(MINIMAL_PDF), 'firma.pdf', 'application/pdf')
    expect([webp.status, huge.status, pdf.status]).toEqual([201, 201, 201])
    const webinar = await createWebinar(aula.payload)
    const response = await aula.api.post('/certificate-designs', designBody({ scope: 'item', item: { relationTo: 'webinars', value: webinar.id }, logo: webp.id, background: huge.id, signature: pdf.id }), {
      token: editor.token,
    })
    expect(response.status).toBe(400)
    expect(errorPaths(response.body).sort()).toEqual(['background', 'logo', 'signature'])
    expect(await aula.payload.count({ collection: 'certificate-designs', where: { 'item.value': { equals: webinar.id } } })).toEqual({ totalDocs: 0 })
    expect(response.text).toContain('PNG o JPEG')
    expect(response.text).toContain('7000 × 300')
  })

  it('a picture replaced by an oversized one after the design was saved is left off the certificate, which is still issued', async () => {
    const webinar = await createWebinar(aula.payload)
    const logo = await uploadMedia(await png(300, 100), 'logo-ok.png', 'image/png')
    const design = await aula.api.post('/certificate-designs', designBody({ scope: 'item', item: { relationTo: 'webinars', value: webinar.id }, logo: logo.id }), { token: editor.token })
    expect(design.status).toBe(201)
    // Media documents record their size; a later upload over the same document changes it.
    await aula.payload.update({ collection: 'media', id: logo.id, data: { width: 9000, height: 9000 } as never, overrideAccess: true })
    expect((await resolveDesign(aula.payload, { relationTo: 'webinars', id: webinar.id })).logo).toBeNull()
    const bytes = await buildCertificatePdf(aula.payload, facts({ item: { relationTo: 'webinars', id: webinar.id, title: 'Sin logo' } }))
    expect(Buffer.from(bytes).toString('latin1')).not.toContain('/Subtype /Image')
  })

  it('two designs for the same target are refused naming the field staff chose it with', async () => {
    const course = await createCourse(aula.payload)
    const first = await aula.api.post('/certificate-designs', designBody({ scope: 'item', item: { relationTo: 'courses', value: course.id } }), { token: editor.token })
    expect(first.status).toBe(201)
    const second = await aula.api.post('/certificate-designs', designBody({ scope: 'item', item: { relationTo: 'courses', value: course.id } }), { token: editor.token })
    expect(second.status).toBe(400)
    expect(errorPaths(second.body)).toEqual(['item'])
    const missing = await aula.api.post('/certificate-designs', designBody({ scope: 'category' }), { token: editor.token })
    expect(missing.status).toBe(400)
    expect(errorPaths(missing.body)).toEqual(['category'])
  })

  it('a colour that is not #rrggbb and over-long wording are 400s naming the field', async () => {
    const webinar = await createWebinar(aula.payload)
    const response = await aula.api.post(
      '/certificate-designs',
      designBody({ scope: 'item', item: { relationTo: 'webinars', value: webinar.id }, accentColor: 'red;}', wording: { es: { body: 'x'.repeat(5000) } } }),
      { token: editor.token },
    )
    expect(response.status).toBe(400)
    expect(errorPaths(response.body).sort()).toEqual(['accentColor', 'wording.es.body'])
  })

  it('only editors and admins write designs; staff read them; students and anonymous callers see none', async () => {
    const sales = await aula.createUser(['sales'])
    const student = await aula.createUser(['student'])
    expect((await aula.api.post('/certificate-designs', designBody({ scope: 'item', item: { relationTo: 'webinars', value: (await createWebinar(aula.payload)).id } }), { token: sales.token })).status).toBe(403)
    expect((await aula.api.get('/certificate-designs', { token: sales.token })).status).toBe(200)
    expect((await aula.api.get('/certificate-designs', { token: student.token })).status).toBe(403)
    expect((await aula.api.get('/certificate-designs')).status).toBe(403)
  })
})

describe('the admin preview (POST /api/certificate-designs/preview)', () => {
  it('renders the unsaved design as a sample PDF in the chosen language', async () => {
    const response = await fetchPreview({ signatoryName: 'Rosa Mamani', wording: { en: { title: 'Award', preamble: 'Presented to', body: '{{name}} finished {{item}}.' } }, language: 'en' }, editor.token)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    expect(response.headers.get('cache-control')).toBe('no-store')
    const text = await pdfText(response.bytes)
    expect(text).toContain('AWARD')
    expect(text).toContain('María José Núñez Łukasiewicz finished Agile project management.')
    expect(text).toContain('Rosa Mamani')
  })

  it('refuses an unknown variable or an unusable picture with a 400 naming the field, like saving does', async () => {
    const webp = await uploadMedia(await sharp({ create: { width: 50, height: 50, channels: 3, background: { r: 9, g: 9, b: 9 } } }).webp().toBuffer(), 'x.webp', 'image/webp')
    const response = await fetchPreview({ wording: { es: { title: 'Hola {{nombre}}' } }, signature: webp.id }, editor.token)
    expect(response.status).toBe(400)
    expect(errorPaths(JSON.parse(Buffer.from(response.bytes).toString()))).toEqual(['wording.es.title', 'signature'])
  })

  it('is for staff only: anonymous callers get 401 and students 403', async () => {
    const student = await aula.createUser(['student'])
    expect((await fetchPreview({})).status).toBe(401)
    expect((await fetchPreview({}, student.token)).status).toBe(403)
  })
})

describe('the stored PDF (certificate-files)', () => {
  let holder: { id: number; token: string }
  let fileId: number
  let filename: string
  let webinarId: number
  let storedBytes: Uint8Array

  beforeAll(async () => {
    holder = await aula.createUser(['student'])
    const webinar = await createWebinar(aula.payload, { title: 'Webinar con certificado' })
    webinarId = webinar.id
    const enrollment = await aula.payload.create({ collection: 'enrollments', data: { user: holder.id, item: { relationTo: 'webinars', value: webinar.id }, status: 'confirmed' } as never, overrideAccess: true })
    const certificate = await aula.payload.create({
      collection: 'certificates',
      data: {
        number: 'AULA-2026-900001',
        verificationCode: 'stored-pdf-code-AbCdEfGhIjKlMnOpQrStUv',
        version: 2,
        enrollment: enrollment.id,
        user: holder.id,
        item: { relationTo: 'webinars', value: webinar.id },
        holderName: 'Ana Pérez',
        itemTitle: 'Webinar con certificado',
        hours: 1,
        completedOn: '2026-11-28',
        issuedOn: '2026-11-30',
        issuedAt: '2026-11-30T15:00:00.000Z',
      } as never,
      overrideAccess: true,
    })
    storedBytes = await buildCertificatePdf(aula.payload, facts({ number: 'AULA-2026-900001', version: 2, item: { relationTo: 'webinars', id: webinar.id, title: 'Webinar con certificado' } }))
    fileId = await storeCertificatePdf(aula.payload, { certificateId: certificate.id, number: 'AULA-2026-900001', version: 2, bytes: storedBytes })
    filename = (await aula.payload.findByID({ collection: 'certificate-files', id: fileId, overrideAccess: true })).filename as string
  })

  it('is stored as an upload named for its number and version, and reads back byte for byte', async () => {
    expect(filename).toBe('AULA-2026-900001-v2.pdf')
    const stored = await readUploadBytes(aula.payload, 'certificate-files', filename)
    expect(Buffer.compare(stored as Buffer, Buffer.from(storedBytes))).toBe(0)
    expect(await pdfText(stored as Buffer)).toContain('AULA-2026-900001')
  })

  it('the holder downloads it; another student, anonymous callers and a guessed file name get nothing', async () => {
    const other = await aula.createUser(['student'])
    const own = await aula.api.get(`/certificate-files/file/${filename}`, { token: holder.token })
    expect(own.status).toBe(200)
    expect(own.headers.get('content-type')).toContain('application/pdf')
    for (const token of [other.token, undefined]) {
      const response = await aula.api.get(`/certificate-files/file/${filename}`, { token })
      expect([403, 404]).toContain(response.status)
      expect(response.text).not.toContain('%PDF')
    }
    expect((await aula.api.get(`/certificate-files/${fileId}`, { token: other.token })).status).toBe(404)
    expect((await aula.api.get('/certificate-files', { token: other.token })).body.totalDocs).toBe(0)
    expect((await aula.api.get('/certificate-files')).status).toBe(403)
    // A neighbouring number is a plausible guess: refused like any other file, never a 500.
    const admin = await aula.createUser(['admin'])
    expect([403, 404]).toContain((await aula.api.get('/certificate-files/file/AULA-2026-900002-v1.pdf', { token: admin.token })).status)
  })

  it('the item’s instructor and staff read it; an instructor of another item does not', async () => {
    const instructor = await aula.createUser(['instructor'])
    const otherInstructor = await aula.createUser(['instructor'])
    const speaker = await aula.payload.create({ collection: 'speakers', data: { name: 'Instructora', user: instructor.id } as never, overrideAccess: true })
    await aula.payload.update({ collection: 'webinars', id: webinarId, data: { speakers: [speaker.id] } as never, overrideAccess: true })
    const sales = await aula.createUser(['sales'])
    expect((await aula.api.get(`/certificate-files/file/${filename}`, { token: instructor.token })).status).toBe(200)
    expect((await aula.api.get(`/certificate-files/file/${filename}`, { token: sales.token })).status).toBe(200)
    expect([403, 404]).toContain((await aula.api.get(`/certificate-files/file/${filename}`, { token: otherInstructor.token })).status)
  })

  it('nobody uploads, replaces or deletes a certificate file over the API, not even an admin', async () => {
    const admin = await aula.createUser(['admin'])
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(Buffer.from('%PDF-1.4 forged'))], { type: 'application/pdf' }), 'AULA-2026-900001-v3.pdf')
    form.append('_payload', JSON.stringify({ number: 'AULA-2026-900001', version: 3, holder: holder.id }))
    expect((await aula.api.post('/certificate-files', form, { token: admin.token })).status).toBe(403)
    expect((await aula.api.patch(`/certificate-files/${fileId}`, { number: 'X' }, { token: admin.token })).status).toBe(403)
    expect((await aula.api.delete(`/certificate-files/${fileId}`, { token: admin.token })).status).toBe(403)
    expect((await aula.payload.findByID({ collection: 'certificate-files', id: fileId, overrideAccess: true })).number).toBe('AULA-2026-900001')
  })
})

/** The preview endpoint answers a PDF, so read the raw bytes rather than text. */
async function fetchPreview(body: Record<string, unknown>, token?: string) {
  const { REST_POST } = await import('@payloadcms/next/routes')
  const headers = new Headers({ 'content-type': 'application/json' })
  if (token) headers.set('authorization', `JWT ${token}`)
  const request = new Request('http://localhost:3000/api/certificate-designs/preview', { method: 'POST', headers, body: JSON.stringify(body) })
  const response = await REST_POST(aula.payload.config)(request, { params: Promise.resolve({ slug: ['certificate-designs', 'preview'] }) })
  return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) }
}
