import type { PayloadRequest } from 'payload'

type Doc = Record<string, any>
type Bilingual = { es: string; en: string }

export interface ExportColumn {
  header: Bilingual
  value: (doc: Doc) => unknown
}

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

/** The columns of each exportable collection, in order. Leads and payments arrive with their branches. */
export const exportDefinitions: Record<string, ExportDefinition> = {
  enrollments: {
    columns: [
      { header: { es: 'ID', en: 'ID' }, value: (doc) => doc.id },
      { header: { es: 'Nombre', en: 'Name' }, value: (doc) => name(doc._related?.user) },
      { header: { es: 'Correo', en: 'Email' }, value: (doc) => doc._related?.user?.email },
      { header: { es: 'Teléfono', en: 'Phone' }, value: (doc) => doc._related?.user?.phone },
      { header: { es: 'Empresa', en: 'Company' }, value: (doc) => doc._related?.user?.company },
      { header: { es: 'Tipo', en: 'Type' }, value: (doc) => doc.item?.relationTo },
      { header: { es: 'Webinar o curso', en: 'Webinar or course' }, value: (doc) => doc._related?.item?.title },
      { header: { es: 'Estado', en: 'Status' }, value: (doc) => doc.status },
      { header: { es: 'Pago', en: 'Payment' }, value: (doc) => doc.paymentStatus },
      { header: { es: 'Importe', en: 'Amount' }, value: (doc) => doc.amount },
      { header: { es: 'Moneda', en: 'Currency' }, value: (doc) => doc.currency },
      { header: { es: 'Asistió', en: 'Attended' }, value: (doc) => (doc.attended ? 'true' : 'false') },
      { header: { es: 'Valoración', en: 'Rating' }, value: (doc) => doc.feedbackRating },
      { header: { es: 'Inscrito el', en: 'Registered at' }, value: (doc) => doc.createdAt },
    ],
    async related(req, docs) {
      const found = new Map<string, Doc>()
      const ids = (collection: string) => [...new Set(docs.map((doc) => (collection === 'users' ? relationId(doc.user) : doc.item?.relationTo === collection ? relationId(doc.item.value) : undefined)).filter((id) => id !== undefined && id !== null))]
      const lookups = [
        ['users', { firstName: true, lastName: true, email: true, phone: true, company: true }],
        ['webinars', { title: true }],
        ['courses', { title: true }],
      ] as const
      await Promise.all(
        lookups.map(async ([collection, select]) => {
          const wanted = ids(collection)
          if (!wanted.length) return
          // The caller may read these enrollments; their people's contact details come with them, as in the participant lists.
          const { docs: rows } = await req.payload.find({ collection, where: { id: { in: wanted } }, select: select as never, depth: 0, pagination: false, overrideAccess: true, trash: collection !== 'users' } as never)
          for (const row of rows as Doc[]) found.set(`${collection}:${row.id}`, row)
        }),
      )
      return found
    },
  },
  users: {
    columns: [
      { header: { es: 'ID', en: 'ID' }, value: (doc) => doc.id },
      { header: { es: 'Correo', en: 'Email' }, value: (doc) => doc.email },
      { header: { es: 'Nombre', en: 'First name' }, value: (doc) => doc.firstName },
      { header: { es: 'Apellidos', en: 'Last name' }, value: (doc) => doc.lastName },
      { header: { es: 'Teléfono', en: 'Phone' }, value: (doc) => doc.phone },
      { header: { es: 'Empresa', en: 'Company' }, value: (doc) => doc.company },
      { header: { es: 'Cargo', en: 'Position' }, value: (doc) => doc.position },
      { header: { es: 'Roles', en: 'Roles' }, value: (doc) => (doc.roles ?? []).join(' ') },
      { header: { es: 'Idioma', en: 'Language' }, value: (doc) => doc.language },
      { header: { es: 'Creado el', en: 'Created at' }, value: (doc) => doc.createdAt },
    ],
  },
}

exportDefinitions.payments = {
  columns: [
    { header: { es: 'ID', en: 'ID' }, value: (doc) => doc.id },
    { header: { es: 'Inscripción', en: 'Enrollment' }, value: (doc) => relationId(doc.enrollment) },
    { header: { es: 'Persona', en: 'Person' }, value: (doc) => relationId(doc.user) },
    { header: { es: 'Estado', en: 'Status' }, value: (doc) => doc.status },
    { header: { es: 'Importe', en: 'Amount' }, value: (doc) => doc.amount },
    { header: { es: 'Moneda', en: 'Currency' }, value: (doc) => doc.currency },
    { header: { es: 'Revisar', en: 'Needs review' }, value: (doc) => (doc.needsReview ? 'true' : 'false') },
    { header: { es: 'PaymentIntent', en: 'PaymentIntent' }, value: (doc) => doc.paymentIntentId },
    { header: { es: 'Creado el', en: 'Created at' }, value: (doc) => doc.createdAt },
  ],
}

exportDefinitions.leads = {
  columns: [
    { header: { es: 'ID', en: 'ID' }, value: (doc) => doc.id },
    { header: { es: 'Nombre', en: 'First name' }, value: (doc) => doc.firstName },
    { header: { es: 'Apellidos', en: 'Last name' }, value: (doc) => doc.lastName },
    { header: { es: 'Correo', en: 'Email' }, value: (doc) => doc.email },
    { header: { es: 'Teléfono', en: 'Phone' }, value: (doc) => doc.phone },
    { header: { es: 'Empresa', en: 'Company' }, value: (doc) => doc.company },
    { header: { es: 'Cargo', en: 'Position' }, value: (doc) => doc.position },
    { header: { es: 'Tipo', en: 'Type' }, value: (doc) => doc.type },
    { header: { es: 'Personas', en: 'Headcount' }, value: (doc) => doc.headcount },
    { header: { es: 'Interés', en: 'Interest' }, value: (doc) => (doc.interest ? `${doc.interest.relationTo}:${relationId(doc.interest.value)}` : '') },
    { header: { es: 'Etapa', en: 'Stage' }, value: (doc) => doc.stage },
    { header: { es: 'Puntuación', en: 'Score' }, value: (doc) => doc.score },
    { header: { es: 'Origen', en: 'Source' }, value: (doc) => doc.source },
    { header: { es: 'Asignado a', en: 'Assigned to' }, value: (doc) => doc._related?.assignee?.email ?? relationId(doc.assignedTo) },
    { header: { es: 'Próxima acción', en: 'Next action' }, value: (doc) => doc.nextActionAt },
    { header: { es: 'Último contacto', en: 'Last contacted' }, value: (doc) => doc.lastContactedAt },
    { header: { es: 'Convertido el', en: 'Converted at' }, value: (doc) => doc.convertedAt },
    { header: { es: 'Motivo de pérdida', en: 'Lost reason' }, value: (doc) => doc.lostReason },
    { header: { es: 'Etiquetas', en: 'Tags' }, value: (doc) => (doc.tags ?? []).join('; ') },
    { header: { es: 'Creado el', en: 'Created at' }, value: (doc) => doc.createdAt },
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
    },
  }))
