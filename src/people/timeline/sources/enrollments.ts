import type { Where } from 'payload'

import { idOf } from '../../../crm/ids'
import { optionLabel } from '../optionLabel'
import { asCaller, type Doc, ROWS_PER_SOURCE, type TimelineEntry, type TimelineSource } from '../types'

const itemTitle = (enrollment: Doc) => {
  const value = enrollment.item?.value
  return value && typeof value === 'object' ? String(value.title ?? '') : `${enrollment.item?.relationTo ?? ''} ${value ?? ''}`.trim()
}

/** A user's enrollments; for a lead, the ones its conversion created (recorded on the lead). */
export const enrollmentsSource: TimelineSource = {
  name: 'enrollments',
  label: { es: 'Inscripciones', en: 'Enrollments' },
  appliesTo: ['user', 'lead'],
  async load({ req, subject, language }) {
    let where: Where
    if (subject.kind === 'user') where = { user: { equals: subject.doc.id } }
    else {
      const ids = ((subject.doc.enrollments ?? []) as unknown[]).map(idOf).filter((id): id is number => id !== null)
      if (!ids.length) return []
      where = { id: { in: ids } }
    }
    const { docs } = await req.payload.find({
      collection: 'enrollments',
      where,
      sort: '-createdAt',
      limit: ROWS_PER_SOURCE,
      ...asCaller(req),
      depth: 1,
      select: { item: true, status: true, paymentStatus: true, createdAt: true, cancelledAt: true, cancellationReason: true },
      populate: { webinars: { title: true }, courses: { title: true } },
    })
    const en = language === 'en'
    return (docs as Doc[]).flatMap((enrollment): TimelineEntry[] => {
      const title = itemTitle(enrollment)
      const link = { collection: 'enrollments', id: enrollment.id }
      const status = optionLabel(req, 'enrollments', ['status'], enrollment.status, language)
      const payment = optionLabel(req, 'enrollments', ['paymentStatus'], enrollment.paymentStatus, language)
      const entries: TimelineEntry[] = [
        { at: enrollment.createdAt, source: 'enrollments', title: `${en ? 'Enrollment' : 'Inscripción'}: ${title}`, detail: [status, payment].filter(Boolean).join(' · '), link },
      ]
      if (enrollment.cancelledAt) {
        entries.push({ at: enrollment.cancelledAt, source: 'enrollments', title: `${en ? 'Cancelled' : 'Cancelación'}: ${title}`, detail: enrollment.cancellationReason ?? undefined, link })
      }
      return entries
    })
  },
}
