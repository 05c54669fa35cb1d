import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { REST_GET } from '@payloadcms/next/routes'
import sharp from 'sharp'

import { startTestAula, type TestAula } from '../helpers/aula'
import { courseData } from '../helpers/catalog'
import { startS3Server } from '../helpers/s3Server'

let s3: Awaited<ReturnType<typeof startS3Server>>
let aula: TestAula
let editor: { token: string }

beforeAll(async () => {
  s3 = await startS3Server('aula-media', 'staging')
  aula = await startTestAula({ s3: s3.settings })
  editor = await aula.createUser(['editor'])
})

afterAll(async () => {
  await aula.close()
  await s3.stop()
})

const upload = (bytes: Buffer, filename: string, type: string, alt = 'Foto de prueba', extra: Record<string, unknown> = {}) => {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), filename)
  form.append('_payload', JSON.stringify({ alt, ...extra }))
  return aula.api.post('/media', form, { token: editor.token })
}

/** The file as a browser downloads it: through Aula's REST route (so read access applies), as raw bytes. */
async function download(url: string) {
  const address = new URL(url, 'http://localhost:3000')
  const slug = address.pathname.replace(/^\/api\//, '').split('/').map(decodeURIComponent)
  const response = await REST_GET(aula.payload.config)(new Request(address), { params: Promise.resolve({ slug }) })
  return { status: response.status, type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) }
}

/** Payload refuses a `?prefix=` matching no readable document with 403 (a missing file with 404): either way, not the object and not a 5xx. */
const expectRefused = (status: number) => expect([403, 404]).toContain(status)

const photo = () => sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 200, g: 80, b: 40 } } }).png().toBuffer()
const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/MediaBox[0 0 612 792]/Parent 2 0 R>>endobj\nxref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n0000000101 00000 n \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n170\n%%EOF\n',
)

describe('media on S3-compatible storage (S3_BUCKET set)', () => {
  let image: { id: number; filename: string; url: string; sizes: Record<string, { filename: string; url: string }> }
  let bytes: Buffer

  it('an editor’s upload lands in the bucket under the prefix, with every generated image size, and nothing on local disk', async () => {
    bytes = await photo()
    const response = await upload(bytes, 'portada.png', 'image/png')
    expect(response.status).toBe(201)
    image = response.body.doc
    const expected = [image.filename, image.sizes.thumbnail.filename, image.sizes.card.filename, image.sizes.hero.filename].map((name) => `staging/media/${name}`)
    expect(await s3.keys()).toEqual(expect.arrayContaining(expected))
    expect(fs.readdirSync(aula.mediaDir)).toEqual([])
  })

  it('files are served through Aula’s own route (read access applies), never as a bucket address, with the same bytes', async () => {
    expect(image.url).toBe(`http://localhost:3000/api/media/file/${image.filename}?prefix=staging%2Fmedia`)
    expect(image.sizes.card.url).toBe(`http://localhost:3000/api/media/file/${image.sizes.card.filename}?prefix=staging%2Fmedia`)
    const original = await download(image.url)
    expect(original.status).toBe(200)
    expect(original.type).toBe('image/png')
    expect(original.bytes.equals(bytes)).toBe(true)
    const card = await download(image.sizes.card.url)
    expect(card.status).toBe(200)
    expect(await sharp(card.bytes).metadata()).toMatchObject({ width: 768, height: 432 })
  })

  it('a file the bucket does not hold is a 404, not a 500', async () => {
    expect((await download('/api/media/file/never-uploaded.png')).status).toBe(404)
  })

  it('a caller pointing ?prefix= at another collection’s or environment’s keys is refused, never given that object', async () => {
    await s3.put(`production/media/${image.filename}`, Buffer.from('another environment’s file'))
    for (const prefix of ['production%2Fmedia', '..%2F..%2Fproduction%2Fmedia', '%2Fproduction%2Fmedia']) {
      const answer = await download(`/api/media/file/${image.filename}?prefix=${prefix}`)
      expectRefused(answer.status)
      expect(answer.bytes.toString()).not.toContain('another environment')
    }
  })

  it('an editor sending their own prefix cannot write outside the collection’s place in the bucket', async () => {
    const before = await s3.keys()
    const response = await upload(await photo(), 'intrusa.png', 'image/png', 'Intrusa', { prefix: 'production/media' })
    expect(response.status).toBe(201)
    expect(response.body.doc.prefix).toBe('staging/media')
    const added = (await s3.keys()).filter((key) => !before.includes(key))
    expect(added.length).toBeGreaterThan(0)
    expect(added.every((key) => key.startsWith('staging/media/intrusa'))).toBe(true)
    const moved = await aula.api.patch(`/media/${response.body.doc.id}`, { prefix: 'production/media' }, { token: editor.token })
    expect(moved.status).toBe(200)
    expect(moved.body.doc.prefix).toBe('staging/media')
  })

  it('a row written on local disk (no prefix) is served from the collection’s place once its file is copied there', async () => {
    const response = await upload(await photo(), 'de-disco.png', 'image/png', 'Antes en disco')
    const { id, filename } = response.body.doc
    const original = await download(response.body.doc.url)
    await aula.payload.update({ collection: 'media', id, data: { prefix: '' }, overrideAccess: true, depth: 0 })
    const moved = await aula.payload.findByID({ collection: 'media', id, depth: 0, overrideAccess: true })
    expect(moved.url).toBe(`http://localhost:3000/api/media/file/${filename}`)
    const served = await download(String(moved.url))
    expect(served.status).toBe(200)
    expect(served.bytes.equals(original.bytes)).toBe(true)
  })

  it('a course’s syllabus PDF is stored in the bucket and downloads intact from the course', async () => {
    const uploaded = await upload(pdf, 'temario.pdf', 'application/pdf', 'Temario')
    expect(uploaded.status).toBe(201)
    const created = await aula.api.post('/courses', courseData({ syllabus: uploaded.body.doc.id }), { token: editor.token })
    expect(created.status).toBe(201)
    const course = await aula.api.get(`/courses/${created.body.doc.id}?depth=1`, { token: editor.token })
    const syllabus = course.body.syllabus
    expect(syllabus.filename).toBe(uploaded.body.doc.filename)
    expect(await s3.keys()).toContain(`staging/media/${syllabus.filename}`)
    const file = await download(syllabus.url)
    expect(file.status).toBe(200)
    expect(file.type).toBe('application/pdf')
    expect(file.bytes.equals(pdf)).toBe(true)
  })

  it('deleting the document removes its file and every image size from the bucket', async () => {
    const ours = (keys: string[]) => keys.filter((key) => key.startsWith(`staging/media/${image.filename.replace(/\.png$/, '')}`))
    expect(ours(await s3.keys())).toHaveLength(4)
    const deleted = await aula.api.delete(`/media/${image.id}`, { token: editor.token })
    expect(deleted.status).toBe(200)
    expect(ours(await s3.keys())).toEqual([])
    expectRefused((await download(image.url)).status)
  })
})
