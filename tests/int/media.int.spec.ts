import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import sharp from 'sharp'

import { startTestAula, type TestAula } from '../helpers/aula'

let aula: TestAula
let editor: { token: string }

beforeAll(async () => {
  process.env.MEDIA_MAX_UPLOAD_MB = '1'
  aula = await startTestAula()
  editor = await aula.createUser(['editor'])
})

afterAll(async () => {
  delete process.env.MEDIA_MAX_UPLOAD_MB
  await aula.close()
})

const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 30, g: 120, b: 200 } } }).png().toBuffer()

const upload = (bytes: Buffer, filename: string, type: string, fields: Record<string, string> = { alt: 'Foto de prueba' }) => {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), filename)
  form.append('_payload', JSON.stringify(fields))
  return aula.api.post('/media', form, { token: editor.token })
}

const filesOnDisk = () => fs.readdirSync(aula.mediaDir)
const mediaCount = async () => (await aula.payload.count({ collection: 'media' })).totalDocs

describe('uploading media', () => {
  it('an image is stored with thumbnail, card and hero sizes', async () => {
    const response = await upload(await photo(2400, 1600), 'portada.png', 'image/png')
    expect(response.status).toBe(201)
    const { sizes, filename } = response.body.doc
    expect(sizes.thumbnail).toMatchObject({ width: 300, height: 300 })
    expect(sizes.card).toMatchObject({ width: 768, height: 432 })
    expect(sizes.hero).toMatchObject({ width: 1920, height: 1080 })
    for (const file of [filename, sizes.thumbnail.filename, sizes.card.filename, sizes.hero.filename]) {
      expect(fs.existsSync(path.join(aula.mediaDir, file))).toBe(true)
    }
  })

  it('a program renamed to .png is refused with a 400 and leaves nothing behind', async () => {
    const before = { rows: await mediaCount(), files: filesOnDisk().length }
    const windowsProgram = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64), Buffer.from('PE\0\0'), Buffer.alloc(512, 1)])
    const response = await upload(windowsProgram, 'photo.png', 'image/png')
    expect(response.status).toBe(400)
    expect(response.text).toMatch(/file|type|tipo/i)
    expect(await mediaCount()).toBe(before.rows)
    expect(filesOnDisk()).toHaveLength(before.files)
  })

  it('a file over the size limit is refused with a 400 naming the file and leaves nothing behind', async () => {
    const before = { rows: await mediaCount(), files: filesOnDisk().length }
    const noise = await sharp(Buffer.from(Array.from({ length: 900 * 900 * 3 }, () => Math.floor(Math.random() * 256))), {
      raw: { width: 900, height: 900, channels: 3 },
    })
      .png({ compressionLevel: 0 })
      .toBuffer()
    expect(noise.length).toBeGreaterThan(1024 * 1024)
    const response = await upload(noise, 'enorme.png', 'image/png')
    expect(response.status).toBe(400)
    expect(response.body.errors[0].data.errors[0].path).toBe('file')
    expect(response.body.errors[0].data.errors[0].message).toMatch(/1 MB/)
    expect(await mediaCount()).toBe(before.rows)
    expect(filesOnDisk()).toHaveLength(before.files)
  })

  it('an image without alt text is refused with a 400 naming alt', async () => {
    const before = await mediaCount()
    const response = await upload(await photo(400, 300), 'sin-alt.png', 'image/png', {})
    expect(response.status).toBe(400)
    expect(JSON.stringify(response.body.errors)).toContain('alt')
    expect(await mediaCount()).toBe(before)
  })

  it('a PDF syllabus is accepted; anonymous visitors can read media but cannot upload', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/MediaBox[0 0 612 792]/Parent 2 0 R>>endobj\nxref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n0000000101 00000 n \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n170\n%%EOF\n')
    const response = await upload(pdf, 'temario.pdf', 'application/pdf', { alt: 'Temario del curso' })
    expect(response.status).toBe(201)
    expect(response.body.doc.mimeType).toBe('application/pdf')

    expect((await aula.api.get('/media')).status).toBe(200)
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(await photo(50, 50))], { type: 'image/png' }), 'x.png')
    form.append('_payload', JSON.stringify({ alt: 'x' }))
    expect((await aula.api.post('/media', form)).status).toBe(403)
  })
})
