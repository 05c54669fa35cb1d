import { randomBytes } from 'node:crypto'
import type { Payload } from 'payload'

import { DEFAULT_SCORE_RULES } from '../crm/scoring'
import type { Lead } from '../payload-types'
import { getClock } from '../utilities/clock'

const DAY = 24 * 60 * 60 * 1000
type Interaction = NonNullable<Lead['interactions']>[number]
type DemoLead = Omit<Partial<Lead>, 'interactions' | 'assignedTo' | 'interest'> & {
  email: string
  assignTo?: string
  interestCourse?: string
  interactions?: (Omit<Interaction, 'at' | 'nextActionAt'> & { daysAgo: number; nextActionInDays?: number })[]
}

const SALES_TEAM = ['ventas@aula.local', 'ventas2@aula.local']

/** A pipeline with something in every stage, as a training business in Lima would see it. */
const LEADS: DemoLead[] = [
  { email: 'rrhh@mineraandina.pe', firstName: 'Patricia', lastName: 'Salas', company: 'Minera Andina S.A.', position: 'Jefa de Capacitación', type: 'corporate', headcount: 35, interestCourse: 'DA-201', message: 'Necesitamos capacitar a 35 analistas en Power BI durante el segundo trimestre.', preferredDates: 'Abril o mayo, por las tardes', utmSource: 'google', utmCampaign: 'corporativo-2026', stage: 'new', assignTo: 'ventas@aula.local' },
  { email: 'luis.gamarra@gmail.com', firstName: 'Luis', lastName: 'Gamarra', phone: '+51 987 111 222', type: 'individual', interestCourse: 'PY-101', message: '¿El curso de Python tiene certificado?', stage: 'contacted', assignTo: 'ventas2@aula.local', interactions: [{ type: 'whatsapp', summary: 'Le enviamos el temario y la información del certificado.', outcome: 'Interesado, lo consultará con su jefe', nextAction: 'Volver a escribir', daysAgo: 2, nextActionInDays: 0 }] },
  { email: 'compras@retailsur.com.pe', firstName: 'Carmen', lastName: 'Ugarte', company: 'Retail Sur', position: 'Compras', phone: '+51 1 444 5566', type: 'corporate', headcount: 12, message: 'Cotización de taller de marketing digital para el equipo comercial.', stage: 'qualified', source: 'referral', assignTo: 'ventas@aula.local', interactions: [{ type: 'call', summary: 'Llamada de diagnóstico: equipo de 12 vendedores, presupuesto aprobado.', outcome: 'Calificado', nextAction: 'Enviar propuesta', daysAgo: 5, nextActionInDays: -1 }] },
  { email: 'gerencia@clinicavida.pe', firstName: 'Ricardo', lastName: 'Benavides', company: 'Clínica Vida', type: 'corporate', headcount: 20, interestCourse: 'DA-201', stage: 'proposal', assignTo: 'ventas2@aula.local', interactions: [{ type: 'meeting', summary: 'Presentamos la propuesta en sus oficinas.', outcome: 'Pidieron ajustar fechas', nextAction: 'Enviar propuesta revisada', daysAgo: 3, nextActionInDays: 2 }] },
  { email: 'ana.rojas@estudiocontable.pe', firstName: 'Ana', lastName: 'Rojas', company: 'Estudio Contable Rojas', type: 'corporate', headcount: 6, stage: 'negotiation', assignTo: 'ventas@aula.local', interactions: [{ type: 'email', summary: 'Negociamos un 10 % de descuento por grupo.', outcome: 'Esperando aprobación', nextAction: 'Confirmar descuento', daysAgo: 1, nextActionInDays: 1 }] },
  { email: 'jorge.vilca@outlook.com', firstName: 'Jorge', lastName: 'Vilca', phone: '+51 955 333 444', type: 'individual', interestCourse: 'PY-101', stage: 'won', source: 'webinar', assignTo: 'ventas2@aula.local', interactions: [{ type: 'call', summary: 'Confirmó su inscripción y pagará por transferencia.', outcome: 'Ganado', daysAgo: 4 }] },
  { email: 'marketing@bodegaelsol.pe', firstName: 'Rosa', lastName: 'Paredes', company: 'Bodega El Sol', type: 'corporate', headcount: 3, stage: 'lost', lostReason: 'Eligió un curso gratuito en línea', assignTo: 'ventas@aula.local' },
  { email: 'mateo.quispe@gmail.com', firstName: 'Mateo', lastName: 'Quispe', type: 'individual', message: 'Quisiera saber si hay horarios los sábados.', utmSource: 'facebook', utmMedium: 'social', stage: 'new', source: 'social' },
]

/**
 * Demo CRM: the settings (round robin between the two seeded sales users, default scoring rules)
 * unless an admin already saved them, and the leads above, each looked up by email first.
 */
export async function seedLeads(payload: Payload): Promise<number> {
  const usersByEmail = await salesUsers(payload)
  const settings = await payload.findGlobal({ slug: 'crm-settings', depth: 0, overrideAccess: true })
  if (!settings.updatedAt) {
    await payload.updateGlobal({
      slug: 'crm-settings',
      overrideAccess: true,
      data: { autoAssign: true, salesTeam: SALES_TEAM.map((email) => usersByEmail.get(email)).filter((id): id is number => Boolean(id)), scoringRules: DEFAULT_SCORE_RULES },
    })
  }
  const now = getClock(payload).now().getTime()
  let created = 0
  for (const { assignTo, interestCourse, interactions, ...lead } of LEADS) {
    const existing = await payload.count({ collection: 'leads', where: { email: { equals: lead.email } }, overrideAccess: true })
    if (existing.totalDocs > 0) continue
    const course = interestCourse ? await courseId(payload, interestCourse) : undefined
    const history = (interactions ?? []).map(({ daysAgo, nextActionInDays, ...row }) => ({
      ...row,
      id: randomBytes(12).toString('hex'),
      at: new Date(now - daysAgo * DAY).toISOString(),
      nextActionAt: nextActionInDays === undefined ? undefined : new Date(now + nextActionInDays * DAY).toISOString(),
    }))
    await payload.create({
      collection: 'leads',
      overrideAccess: true,
      depth: 0,
      // The demo history has its own dates; new interactions otherwise get "now" (see stampInteractions).
      context: { carriedInteractions: history },
      data: {
        firstName: '',
        lastName: '',
        ...lead,
        assignedTo: assignTo ? usersByEmail.get(assignTo) : undefined,
        interest: course ? { relationTo: 'courses' as const, value: course } : undefined,
        interactions: history,
      } as Omit<Lead, 'id' | 'createdAt' | 'updatedAt'>,
    })
    created += 1
  }
  return created
}

async function salesUsers(payload: Payload): Promise<Map<string, number>> {
  const { docs } = await payload.find({ collection: 'users', where: { email: { in: SALES_TEAM } }, depth: 0, pagination: false, overrideAccess: true })
  return new Map(docs.map((user) => [String(user.email), user.id as number]))
}

async function courseId(payload: Payload, courseCode: string): Promise<number | undefined> {
  const { docs } = await payload.find({ collection: 'courses', where: { courseCode: { equals: courseCode } }, depth: 0, limit: 1, pagination: false, overrideAccess: true })
  return docs[0]?.id as number | undefined
}
