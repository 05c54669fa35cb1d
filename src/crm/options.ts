type Label = { es: string; en: string }

/** The pipeline, in order. `won` and `lost` are both the end of it. */
export const LEAD_STAGES = ['new', 'contacted', 'qualified', 'proposal', 'negotiation', 'won', 'lost'] as const
export type LeadStage = (typeof LEAD_STAGES)[number]
export const CLOSED_STAGES: readonly LeadStage[] = ['won', 'lost']

export const LEAD_TYPES = ['individual', 'corporate'] as const
export const LEAD_SOURCES = ['web_form', 'webinar', 'referral', 'social', 'event', 'other'] as const
export const INTERACTION_TYPES = ['call', 'email', 'meeting', 'whatsapp', 'note'] as const

/** How far along the pipeline a stage is; a change to a lower rank is a step back. */
export const stageRank = (stage: string | null | undefined): number => Math.min(LEAD_STAGES.indexOf(stage as LeadStage), 5)

const labels: Record<string, Label> = {
  new: { es: 'Nuevo', en: 'New' },
  contacted: { es: 'Contactado', en: 'Contacted' },
  qualified: { es: 'Calificado', en: 'Qualified' },
  proposal: { es: 'Propuesta', en: 'Proposal' },
  negotiation: { es: 'Negociación', en: 'Negotiation' },
  won: { es: 'Ganado', en: 'Won' },
  lost: { es: 'Perdido', en: 'Lost' },
  individual: { es: 'Individual', en: 'Individual' },
  corporate: { es: 'Corporativo', en: 'Corporate' },
  web_form: { es: 'Formulario web', en: 'Web form' },
  webinar: { es: 'Webinar', en: 'Webinar' },
  referral: { es: 'Referido', en: 'Referral' },
  social: { es: 'Redes sociales', en: 'Social media' },
  event: { es: 'Evento', en: 'Event' },
  other: { es: 'Otro', en: 'Other' },
  call: { es: 'Llamada', en: 'Call' },
  email: { es: 'Correo', en: 'Email' },
  meeting: { es: 'Reunión', en: 'Meeting' },
  whatsapp: { es: 'WhatsApp', en: 'WhatsApp' },
  note: { es: 'Nota', en: 'Note' },
}

export const labelOf = (value: string): Label => labels[value] ?? { es: value, en: value }
export const optionsOf = (values: readonly string[]) => values.map((value) => ({ value, label: labelOf(value) }))

/** The admin sidebar group of the CRM collection and settings. */
export const crmGroup: Label = { es: 'CRM', en: 'CRM' }
