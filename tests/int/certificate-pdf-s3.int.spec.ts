import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createLocalReq } from 'payload'
import sharp from 'sharp'

import { buildCertificatePdf, storeCertificatePdf } from '../../src/certificates/pdf'
import { readUploadBytes } from '../../src/certificates/pdf/images'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'
import { pdfText } from '../helpers/certificatePdf'
import { startS3Server } from '../helpers/s3Server'

// One Aula per test file (Payload keeps one instance per process), so S3 has a file of its own.
const png = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 30, g: 90, b: 160 } } }).png().toBuffer()

describe('with S3 storage configured', () => {
  let s3: Awaited<ReturnType<typeof startS3Server>>
  let cloud: TestAula

  beforeAll(async () => {
    s3 = await startS3Server('aula-certificates', 'prod')
    cloud = await startTestAula({ s3: s3.settings })
  })

  afterAll(async () => {
    await cloud?.close()
    await s3?.stop()
  })

  it('the certificate PDF is kept in the bucket (nothing on local disk), and the design’s logo is read back from it', async () => {
    const cloudEditor = await cloud.createUser(['editor'])
    const holder = await cloud.createUser(['student'])
    const webinar = await createWebinar(cloud.payload, { title: 'Webinar en la nube' })
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(await png(300, 90))], { type: 'image/png' }), 'logo-nube.png')
    form.append('_payload', JSON.stringify({ alt: 'Logo' }))
    const logo = await cloud.api.post('/media', form, { token: cloudEditor.token })
    expect(logo.status).toBe(201)
    const design = await cloud.api.post('/certificate-designs', { name: 'Nube', scope: 'default', signatoryName: 'Carmen Quispe', logo: logo.body.doc.id }, { token: cloudEditor.token })
    expect(design.status).toBe(201)

    const enrollment = await cloud.payload.create({ collection: 'enrollments', data: { user: holder.id, item: { relationTo: 'webinars', value: webinar.id }, status: 'confirmed' } as never, overrideAccess: true })
    const certificate = await cloud.payload.create({
      collection: 'certificates',
      data: {
        number: 'AULA-2026-700001',
        verificationCode: 'cloud-code-AbCdEfGhIjKlMnOpQrStUv',
        enrollment: enrollment.id,
        user: holder.id,
        item: { relationTo: 'webinars', value: webinar.id },
        holderName: 'Ana Pérez',
        itemTitle: 'Webinar en la nube',
        issuedAt: '2026-11-30T15:00:00.000Z',
      } as never,
      overrideAccess: true,
    })
    const bytes = await buildCertificatePdf(cloud.payload, {
      number: 'AULA-2026-700001',
      verificationCode: 'cloud-code-AbCdEfGhIjKlMnOpQrStUv',
      version: 1,
      status: 'valid',
      holderName: 'Ana Pérez',
      item: { relationTo: 'webinars', id: webinar.id, title: 'Webinar en la nube' },
      hours: 1,
      completedOn: '2026-11-28',
      issuedOn: '2026-11-30',
      signatoryName: 'Carmen Quispe',
      language: 'es',
    })
    expect(await pdfText(bytes)).toContain('Webinar en la nube')
    expect((Buffer.from(bytes).toString('latin1').match(/\/Subtype \/Image/g) ?? []).length).toBe(1)
    const fileId = await storeCertificatePdf(cloud.payload, { certificateId: certificate.id, number: 'AULA-2026-700001', version: 1, bytes })

    expect(await s3.keys()).toContain('prod/certificate-files/AULA-2026-700001-v1.pdf')
    expect(fs.readdirSync(cloud.mediaDir)).toEqual([])
    const file = await cloud.payload.findByID({ collection: 'certificate-files', id: fileId, overrideAccess: true })
    expect(Buffer.compare((await readUploadBytes(cloud.payload, 'certificate-files', file.filename as string)) as Buffer, Buffer.from(bytes))).toBe(0)
    // Read inside a download request that asked for a slice: the stored PDF still comes back whole.
    const rangedReq = await createLocalReq({ req: { headers: new Headers({ range: 'bytes=0-99' }) } as never }, cloud.payload)
    expect(((await readUploadBytes(cloud.payload, 'certificate-files', file.filename as string, rangedReq)) as Buffer).length).toBe(bytes.length)
    const download = await cloud.api.get(`/certificate-files/file/${file.filename}`, { token: holder.token })
    expect(download.status).toBe(200)
    expect(download.text.startsWith('%PDF')).toBe(true)
  })
})

