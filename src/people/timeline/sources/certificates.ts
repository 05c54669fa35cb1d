import { asCaller, type Doc, ROWS_PER_SOURCE, type TimelineEntry, type TimelineSource } from '../types'

/**
 * A user's certificates (read as the caller: a student their own, an instructor those of their
 * items): issued, reissued (the latest version) and revoked, with the reason.
 */
export const certificatesSource: TimelineSource = {
  name: 'certificates',
  label: { es: 'Certificados', en: 'Certificates' },
  appliesTo: ['user'],
  async load({ req, subject, language }) {
    const { docs } = await req.payload.find({
      collection: 'certificates',
      where: { user: { equals: subject.doc.id } },
      sort: '-createdAt',
      limit: ROWS_PER_SOURCE,
      ...asCaller(req),
      select: { number: true, itemTitle: true, version: true, status: true, issuedAt: true, revokedAt: true, revokedReason: true, createdAt: true },
    })
    const en = language === 'en'
    return (docs as Doc[]).flatMap((certificate): TimelineEntry[] => {
      const link = { collection: 'certificates', id: certificate.id }
      const entries: TimelineEntry[] = [
        { at: certificate.createdAt, source: 'certificates', title: `${en ? 'Certificate issued' : 'Certificado emitido'} ${certificate.number}`, detail: certificate.itemTitle, link },
      ]
      if (Number(certificate.version) > 1) {
        const title = en ? `Certificate reissued (version ${certificate.version})` : `Certificado reemitido (versión ${certificate.version})`
        entries.push({ at: certificate.issuedAt, source: 'certificates', title: `${title} ${certificate.number}`, detail: certificate.itemTitle, link })
      }
      if (certificate.status === 'revoked' && certificate.revokedAt) {
        entries.push({ at: certificate.revokedAt, source: 'certificates', title: `${en ? 'Certificate revoked' : 'Certificado revocado'} ${certificate.number}`, detail: certificate.revokedReason ?? undefined, link })
      }
      return entries
    })
  },
}
