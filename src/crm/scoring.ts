import { labelOf, type LEAD_SOURCES, type LEAD_TYPES } from './options'

/** The conditions a scoring rule can test. Each has one optional parameter on the rule. */
export const SCORE_CONDITIONS = ['typeIs', 'headcountAtLeast', 'interestIsPaid', 'sourceIs', 'hasPhone', 'hasCompany'] as const
export type ScoreCondition = (typeof SCORE_CONDITIONS)[number]

export interface ScoreRule {
  condition: ScoreCondition
  leadType?: (typeof LEAD_TYPES)[number] | null
  minimum?: number | null
  source?: (typeof LEAD_SOURCES)[number] | null
  points: number
  /** What staff see next to the score; a description is generated when empty. */
  label?: string | null
}

/** What the rules look at: the lead plus whether its interest costs money (looked up once per save). */
export interface ScoredLead {
  type?: string | null
  headcount?: number | null
  source?: string | null
  phone?: string | null
  company?: string | null
  interestIsPaid: boolean
}

export interface ScoreResult {
  score: number
  reasons: { reason: string; points: number }[]
}

/** The rules a fresh install starts with (and the seed writes into the CRM settings). */
export const DEFAULT_SCORE_RULES: ScoreRule[] = [
  { condition: 'typeIs', leadType: 'corporate', points: 20 },
  { condition: 'headcountAtLeast', minimum: 10, points: 20 },
  { condition: 'interestIsPaid', points: 10 },
  { condition: 'sourceIs', source: 'referral', points: 10 },
]

export const conditionLabels: Record<ScoreCondition, { es: string; en: string }> = {
  typeIs: { es: 'El tipo es…', en: 'Type is…' },
  headcountAtLeast: { es: 'Número de personas ≥ …', en: 'Headcount ≥ …' },
  interestIsPaid: { es: 'Interés en un curso o webinar de pago', en: 'Interested in a paid course or webinar' },
  sourceIs: { es: 'El origen es…', en: 'Source is…' },
  hasPhone: { es: 'Dejó teléfono', en: 'Has a phone number' },
  hasCompany: { es: 'Indicó empresa', en: 'Has a company' },
}

function matches(rule: ScoreRule, lead: ScoredLead): boolean {
  switch (rule.condition) {
    case 'typeIs':
      return Boolean(rule.leadType) && lead.type === rule.leadType
    case 'headcountAtLeast':
      return typeof lead.headcount === 'number' && typeof rule.minimum === 'number' && lead.headcount >= rule.minimum
    case 'interestIsPaid':
      return lead.interestIsPaid
    case 'sourceIs':
      return Boolean(rule.source) && lead.source === rule.source
    case 'hasPhone':
      return Boolean(lead.phone?.trim())
    case 'hasCompany':
      return Boolean(lead.company?.trim())
    default:
      return false
  }
}

/** Staff read the reasons in Spanish first: the admin's default language. */
function describe(rule: ScoreRule): string {
  if (rule.label?.trim()) return rule.label.trim()
  switch (rule.condition) {
    case 'typeIs':
      return `Tipo: ${labelOf(String(rule.leadType)).es}`
    case 'headcountAtLeast':
      return `${rule.minimum} personas o más`
    case 'sourceIs':
      return `Origen: ${labelOf(String(rule.source)).es}`
    default:
      return conditionLabels[rule.condition]?.es ?? rule.condition
  }
}

/** Adds the points of every matching rule and clamps the total to 0–100. */
export function scoreLead(lead: ScoredLead, rules: ScoreRule[]): ScoreResult {
  const reasons = rules
    .filter((rule) => Number.isFinite(rule.points) && matches(rule, lead))
    .map((rule) => ({ reason: describe(rule), points: rule.points }))
  const total = reasons.reduce((sum, { points }) => sum + points, 0)
  return { score: Math.max(0, Math.min(100, total)), reasons }
}
