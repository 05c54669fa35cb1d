import type { Payload, PayloadRequest } from 'payload'

/** What the PDF's file row copies from its certificate, so its read access needs no join. */
interface CertificateOwner {
  user: number | { id: number }
  item: { relationTo: 'webinars' | 'courses'; value: number | { id: number } }
}

const idOf = (value: number | { id: number }) => (typeof value === 'object' ? value.id : value)

/** `AULA-2026-000123-v2.pdf`: what the holder's download is called. */
export const certificateFileName = (number: string, version: number) => `${number.replace(/[^A-Za-z0-9-]/g, '')}-v${version}.pdf`

/**
 * Stores one version's PDF as a `certificate-files` upload (on S3 when configured) and returns its
 * id. Pass the issuing `req` so the row joins that transaction (a rolled-back issue leaves no row).
 */
export async function storeCertificatePdf(
  payload: Payload,
  { certificateId, number, version, bytes }: { certificateId: number; number: string; version: number; bytes: Uint8Array },
  req?: PayloadRequest,
): Promise<number> {
  const certificate = (await payload.findByID({ collection: 'certificates', id: certificateId, depth: 0, overrideAccess: true, req })) as unknown as CertificateOwner
  const data = Buffer.from(bytes)
  const file = await payload.create({
    collection: 'certificate-files',
    data: {
      certificate: certificateId,
      number,
      version,
      holder: idOf(certificate.user),
      item: { relationTo: certificate.item.relationTo, value: idOf(certificate.item.value) },
    },
    file: { data, mimetype: 'application/pdf', name: certificateFileName(number, version), size: data.length },
    overrideAccess: true,
    req,
  })
  return file.id
}
