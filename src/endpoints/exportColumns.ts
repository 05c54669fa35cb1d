import type { PayloadRequest } from 'payload'

import { certificateCell, certificatesOfEnrollments } from '../certificates/ofEnrollments'
import { sessionsOf } from '../courses/sessions'
import { phoneCell } from '../utilities/csv'
import type { ExportContext } from './exportContext'

type Doc = Record<string, any>
type Bilingual = { es: string; en: string }

/**
 * One column: its header in both languages, and its cell as the admin reads the value on screen
 * (labels, Sí/No, local times; `ctx` has the language and zone, see exportContext.ts). `zoned`: the
 * cells are times in the business zone, and the header says which ("Inscrito el (hora de Lima)").
 */
export interface ExportColumn {
  header: Bilingual
  zoned?: boolean
  value: (doc: Doc, ctx: ExportContext) => unknown
}

/** The header as the admin reads it. */
export const headerOf = (column: ExportColumn, ctx: ExportContext) => `${column.header[ctx.language]}${column.zoned ? ctx.zoneSuffix : ''}`

export interface ExportDefinition {
  columns: ExportColumn[]
  /**
   * Fetches names for the related documents of one page (one query per relation, not per row),
   * keyed `<collection>:<id>`. Used where the export's readers may read the rows but not the related
   * collection itself, as with the participant lists.
   */
  related?: (req: PayloadRequest, docs: Doc[]) => Promise<Map<string, Doc>>
}

const name = (person: Doc | undefined) => [person?.firstName, person?.lastName].filter(Boolean).join(' ')
const relationId = (value: unknown) => (value && typeof value === 'object' ? (value as Doc).id : value)

/** A course as the attendance columns read it: its dated sessions' ids and their number, without the modules themselves. */
const withSessionIds = (course: Doc) => {
  const sessionIds = sessionsOf(course).map((session) => session.id)
  return { modules: undefined, sessionIds, sessionsTotal: sessionIds.length }
}

/** A webinar's start in its own zone; a course's first day (a whole day) in the business zone. */
const itemStart = (item: Doc | undefined, ctx: ExportContext) =>
  item?.collection === 'webinars' ? ctx.timeIn(item.startsAt, item.startsAt_tz) : item?.startDate ? ctx.businessDate(item.startDate) : ''

/** The columns of each exportable collection, in order. Leads and payments arrive with their branches. */
export const exportDefinitions: Record<string, ExportDefinition> = {
  enrollments: {
    columns: [
      { header: { es: 'ID', en: 'ID' }, value: (doc) => doc.id },
      { header: { es: 'Nombre', en: 'Name' }, value: (doc) => name(doc._related?.user) },
      { header: { es: 'Correo', en: 'Email' }, value: (doc) => doc._related?.user?.email },
      { header: { es: 'Teléfono', en: 'Phone' }, value: (doc) => phoneCell(doc._related?.user?.phone) },
      { header: { es: 'Empresa', en: 'Company' }, value: (doc) => doc._related?.user?.company },
      { header: { es: 'Tipo', en: 'Type' }, value: (doc, ctx) => ctx.collectionLabel(doc.item?.relationTo) },
      { header: { es: 'Webinar o curso', en: 'Webinar or course' }, value: (doc) => doc._related?.item?.title },
      // The item's own time, in its own zone (a webinar's), named in the cell: rows may differ.
      { header: { es: 'Fecha del webinar o curso', en: 'Webinar or course date' }, value: (doc, ctx) => itemStart(doc._related?.item, ctx) },
      { header: { es: 'Estado', en: 'Status' }, value: (doc, ctx) => ctx.option('status', doc.status) },
      { header: { es: 'Pago', en: 'Payment' }, value: (doc, ctx) => ctx.option('paymentStatus', doc.paymentStatus) },
      { header: { es: 'Importe', en: 'Amount' }, value: (doc) => doc.amount },
      { header: { es: 'Moneda', en: 'Currency' }, value: (doc) => doc.currency },
      { header: { es: 'Asistió', en: 'Attended' }, value: (doc, ctx) => ctx.yesNo(doc.attended) },
      // From the attendance rows (src/attendance): sessions marked present of the item's dated ones (a webinar is one).
      { header: { es: 'Sesiones asistidas', en: 'Sessions attended' }, value: (doc) => `${doc._related?.attendance?.present ?? 0}/${doc._related?.item?.sessionsTotal ?? 1}` },
      { header: { es: 'Avance (%)', en: 'Completion (%)' }, value: (doc) => doc.completionPercentage },
      { header: { es: 'Completado el', en: 'Completed at' }, zoned: true, value: (doc, ctx) => ctx.businessTime(doc.completedAt) },
      { header: { es: 'Valoración', en: 'Rating' }, value: (doc) => doc.feedbackRating },
      // The valid certificate's number, or the last one marked revoked (src/certificates).
      { header: { es: 'Certificado', en: 'Certificate' }, value: (doc, ctx) => certificateCell(doc._related?.certificate, ctx.language) },
      { header: { es: 'Inscrito el', en: 'Registered at' }, zoned: true, value: (doc, ctx) => ctx.businessTime(doc.createdAt) },
      { header: { es: 'Cancelada el', en: 'Cancelled at' }, zoned: true, value: (doc, ctx) => ctx.businessTime(doc.cancelledAt) },
    ],
    async related(req, docs) {
      const found = new Map<string, Doc>()
      const ids = (collection: string) => [...new Set(docs.map((doc) => (collection === 'users' ? relationId(doc.user) : doc.item?.relationTo === collection ? relationId(doc.item.value) : undefined)).filter((id) => id !== undefined && id !== null))]
      const lookups = [
        ['users', { firstName: true, lastName: true, email: true, phone: true, company: true }],
        ['webinars', { title: true, startsAt: true, startsAt_tz: true }],
        ['courses', { title: true, startDate: true, modules: true }],
      ] as const
      await Promise.all(
        lookups.map(async ([collection, select]) => {
          const wanted = ids(collection)
          if (!wanted.length) return
          // The caller may read these enrollments; their people's contact details come with them, as in the participant lists.
          const { docs: rows } = await req.payload.find({ collection, where: { id: { in: wanted } }, select: select as never, depth: 0, pagination: false, overrideAccess: true, trash: collection !== 'users' } as never)
          for (const row of rows as Doc[]) found.set(`${collection}:${row.id}`, { ...row, collection, ...(collection === 'courses' ? withSessionIds(row) : {}) })
        }),
      )
      // Sessions each person was marked present at (rows of sessions since removed are left out by the count's reader).
      const enrollmentIds = docs.map((doc) => doc.id)
      if (enrollmentIds.length) {
        const { docs: marks } = await req.payload.find({ collection: 'attendance', where: { and: [{ enrollment: { in: enrollmentIds } }, { present: { equals: true } }] }, select: { enrollment: true, sessionId: true }, depth: 0, pagination: false, overrideAccess: true, req })
        const current = new Map<string, Set<string>>()
        for (const [key, item] of found) if (key.startsWith('courses:')) current.set(key, new Set(item.sessionIds))
        const itemKeyOf = new Map(docs.map((doc) => [doc.id, doc.item ? `${doc.item.relationTo}:${relationId(doc.item.value)}` : '']))
        for (const mark of marks as Doc[]) {
          const enrollmentId = relationId(mark.enrollment)
          const itemKey = itemKeyOf.get(enrollmentId) ?? ''
          const sessions = current.get(itemKey)
          if (sessions ? !sessions.has(mark.sessionId) : mark.sessionId) continue
          const key = `attendance:${enrollmentId}`
          found.set(key, { present: (found.get(key)?.present ?? 0) + 1 })
        }
        for (const [enrollmentId, certificate] of await certificatesOfEnrollments(req, enrollmentIds)) found.set(`certificate:${enrollmentId}`, certificate)
      }
      return found
    },
  },
  users: {
    columns: [
      { header: { es: 'ID', en: 'ID' }, value: (doc) => doc.id },
      { header: { es: 'Correo', en: 'Email' }, value: (doc) => doc.email },
      { header: { es: 'Nombre', en: 'First name' }, value: (doc) => doc.firstName },
      { header: { es: 'Apellidos', en: 'Last name' }, value: (doc) => doc.lastName },
      { header: { es: 'Teléfono', en: 'Phone' }, value: (doc) => phoneCell(doc.phone) },
      { header: { es: 'Empresa', en: 'Company' }, value: (doc) => doc.company },
      { header: { es: 'Cargo', en: 'Position' }, value: (doc) => doc.position },
      { header: { es: 'Roles', en: 'Roles' }, value: (doc, ctx) => ctx.option('roles', doc.roles ?? []) },
      { header: { es: 'Idioma', en: 'Language' }, value: (doc, ctx) => ctx.option('language', doc.language) },
      { header: { es: 'Creado el', en: 'Created at' }, zoned: true, value: (doc, ctx) => ctx.businessTime(doc.createdAt) },
    ],
  },
}

exportDefinitions.payments = {
  columns: [
    { header: { es: 'ID', en: 'ID' }, value: (doc) => doc.id },
    { header: { es: 'Inscripción', en: 'Enrollment' }, value: (doc) => relationId(doc.enrollment) },
    { header: { es: 'Persona', en: 'Person' }, value: (doc) => doc._related?.user?.email ?? relationId(doc.user) },
    { header: { es: 'Estado', en: 'Status' }, value: (doc, ctx) => ctx.option('status', doc.status) },
    // Card (Stripe), bank transfer, cash or deposit (src/commerce/manualPayments), and the reference a transfer quotes.
    { header: { es: 'Medio de pago', en: 'Payment method' }, value: (doc, ctx) => ctx.option('method', doc.method) },
    { header: { es: 'Referencia', en: 'Reference' }, value: (doc) => doc.reference },
    { header: { es: 'Importe', en: 'Amount' }, value: (doc) => doc.amount },
    { header: { es: 'Moneda', en: 'Currency' }, value: (doc) => doc.currency },
    { header: { es: 'Recibido el', en: 'Received on' }, value: (doc, ctx) => ctx.businessDate(doc.receivedAt) },
    // Partial refunds leave the payment `succeeded`: what came back is its own column, never a guess from the status.
    { header: { es: 'Reembolsado', en: 'Refunded' }, value: (doc) => doc.amountRefunded ?? 0 },
    // A group booking's one payment covers several seats (src/commerce/groups).
    { header: { es: 'Cupos', en: 'Seats' }, value: (doc) => doc.seats ?? 1 },
    { header: { es: 'Revisar', en: 'Needs review' }, value: (doc, ctx) => ctx.yesNo(doc.needsReview) },
    { header: { es: 'PaymentIntent', en: 'PaymentIntent' }, value: (doc) => doc.paymentIntentId },
    { header: { es: 'Creado el', en: 'Created at' }, zoned: true, value: (doc, ctx) => ctx.businessTime(doc.createdAt) },
    { header: { es: 'Reembolso pedido el', en: 'Refund requested at' }, zoned: true, value: (doc, ctx) => ctx.businessTime(doc.refundRequestedAt) },
  ],
  // Who paid, by email rather than an id: whoever may read the payment may know whose it is.
  related: async (req, docs) => {
    const ids = [...new Set(docs.map((doc) => relationId(doc.user)).filter((id) => id !== null && id !== undefined))]
    if (!ids.length) return new Map()
    const { docs: users } = await req.payload.find({ collection: 'users', where: { id: { in: ids } }, select: { email: true }, depth: 0, pagination: false, overrideAccess: true, req })
    return new Map(users.map((user) => [`users:${user.id}`, user as Doc]))
  },
}

exportDefinitions.leads = {
  columns: [
    { header: { es: 'ID', en: 'ID' }, value: (doc) => doc.id },
    { header: { es: 'Nombre', en: 'First name' }, value: (doc) => doc.firstName },
    { header: { es: 'Apellidos', en: 'Last name' }, value: (doc) => doc.lastName },
    { header: { es: 'Correo', en: 'Email' }, value: (doc) => doc.email },
    { header: { es: 'Teléfono', en: 'Phone' }, value: (doc) => phoneCell(doc.phone) },
    { header: { es: 'Empresa', en: 'Company' }, value: (doc) => doc.company },
    { header: { es: 'Cargo', en: 'Position' }, value: (doc) => doc.position },
    { header: { es: 'Tipo', en: 'Type' }, value: (doc, ctx) => ctx.option('type', doc.type) },
    { header: { es: 'Personas', en: 'Headcount' }, value: (doc) => doc.headcount },
    { header: { es: 'Interés', en: 'Interest' }, value: (doc, ctx) => (doc.interest ? `${ctx.collectionLabel(doc.interest.relationTo)} #${relationId(doc.interest.value)}` : '') },
    { header: { es: 'Etapa', en: 'Stage' }, value: (doc, ctx) => ctx.option('stage', doc.stage) },
    { header: { es: 'Puntuación', en: 'Score' }, value: (doc) => doc.score },
    { header: { es: 'Origen', en: 'Source' }, value: (doc, ctx) => ctx.option('source', doc.source) },
    { header: { es: 'Asignado a', en: 'Assigned to' }, value: (doc) => doc._related?.assignee?.email ?? relationId(doc.assignedTo) },
    { header: { es: 'Próxima acción', en: 'Next action' }, zoned: true, value: (doc, ctx) => ctx.businessTime(doc.nextActionAt) },
    { header: { es: 'Último contacto', en: 'Last contacted' }, zoned: true, value: (doc, ctx) => ctx.businessTime(doc.lastContactedAt) },
    { header: { es: 'Convertido el', en: 'Converted at' }, zoned: true, value: (doc, ctx) => ctx.businessTime(doc.convertedAt) },
    { header: { es: 'Motivo de pérdida', en: 'Lost reason' }, value: (doc) => doc.lostReason },
    { header: { es: 'Etiquetas', en: 'Tags' }, value: (doc) => (doc.tags ?? []).join('; ') },
    { header: { es: 'Creado el', en: 'Created at' }, zoned: true, value: (doc, ctx) => ctx.businessTime(doc.createdAt) },
  ],
  // Sales may not read colleagues' accounts, but the assignee's email is fine for whoever sees the lead.
  related: async (req, docs) => {
    const ids = [...new Set(docs.map((doc) => relationId(doc.assignedTo)).filter((id) => id !== null && id !== undefined))]
    if (!ids.length) return new Map()
    const { docs: users } = await req.payload.find({ collection: 'users', where: { id: { in: ids } }, select: { email: true }, depth: 0, pagination: false, overrideAccess: true, req })
    return new Map(users.map((user) => [`users:${user.id}`, user as Doc]))
  },
}

/** Attaches `_related.user` / `_related.item` (enrollments) and `_related.assignee` (leads) from a `related` lookup. */
export const withRelated = (docs: Doc[], related: Map<string, Doc>): Doc[] =>
  docs.map((doc) => ({
    ...doc,
    _related: {
      user: related.get(`users:${relationId(doc.user)}`),
      assignee: doc.assignedTo ? related.get(`users:${relationId(doc.assignedTo)}`) : undefined,
      item: doc.item ? related.get(`${doc.item.relationTo}:${relationId(doc.item.value)}`) : undefined,
      attendance: related.get(`attendance:${doc.id}`),
      certificate: related.get(`certificate:${doc.id}`),
    },
  }))
