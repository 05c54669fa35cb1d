import type { PayloadRequest, Where } from 'payload'

import { certificateFileName } from '../../certificates/pdf'
import { certificatePdfBytes } from '../../certificates/pdfBytes'
import { idOf } from '../../crm/ids'
import { itemNamer } from './itemTitles'
import type { Doc, ExportFile } from './types'
import { withoutSecrets } from './withoutSecrets'

const all = { pagination: false, depth: 0, overrideAccess: true, sort: 'createdAt' } as const

const ids = (rows: Doc[]) => rows.map((row) => idOf(row.id)).filter((id): id is number => id !== null)

/**
 * Enrollments (a user's own, and those a lead's conversion created), their feedback, their
 * attendance, and the certificates with each PDF as issued.
 */
export async function learningOf(req: PayloadRequest, userId: number | null, leads: Doc[]) {
  const fromLeads = leads.flatMap((lead) => ((lead.enrollments ?? []) as unknown[]).map(idOf)).filter((id): id is number => id !== null)
  const or: Where[] = [...(userId !== null ? [{ user: { equals: userId } }] : []), ...(fromLeads.length ? [{ id: { in: fromLeads } }] : [])]
  if (!or.length) return { enrollments: [], feedback: [], attendance: [], certificates: [], files: [] as ExportFile[] }
  const { docs: enrollmentRows } = await req.payload.find({ collection: 'enrollments', where: { or }, ...all, req })
  const enrollmentIds = ids(enrollmentRows)
  const attendanceOr: Where[] = [...(userId !== null ? [{ user: { equals: userId } }] : []), ...(enrollmentIds.length ? [{ enrollment: { in: enrollmentIds } }] : [])]
  const [{ docs: attendanceRows }, { docs: certificateRows }] = await Promise.all([
    attendanceOr.length ? req.payload.find({ collection: 'attendance', where: { or: attendanceOr }, ...all, req }) : { docs: [] },
    userId !== null ? req.payload.find({ collection: 'certificates', where: { user: { equals: userId } }, ...all, req }) : { docs: [] },
  ])
  const itemOf = await itemNamer(req, [...enrollmentRows, ...attendanceRows, ...certificateRows] as Doc[])
  const named = (row: Doc): Doc => withoutSecrets({ ...row, item: itemOf(row.item) })
  const feedback = (enrollmentRows as Doc[])
    .filter((row) => row.feedbackRating !== null && row.feedbackRating !== undefined || row.feedbackComment)
    .map((row) => ({ enrollment: row.id, item: itemOf(row.item), rating: row.feedbackRating ?? null, comment: row.feedbackComment ?? null, at: row.feedbackAt ?? null }))
  const files: ExportFile[] = []
  for (const certificate of certificateRows as Doc[]) {
    files.push({ name: `certificados/${certificateFileName(String(certificate.number), Number(certificate.version) || 1)}`, bytes: await certificatePdfBytes(req, certificate) })
  }
  return {
    enrollments: (enrollmentRows as Doc[]).map(named),
    feedback,
    attendance: (attendanceRows as Doc[]).map(named),
    // The signed Open Badges credential stays: it is the holder's own proof of the certificate.
    certificates: (certificateRows as Doc[]).map(named),
    files,
  }
}
