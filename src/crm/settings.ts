import type { PayloadRequest } from 'payload'

import { DEFAULT_SCORE_RULES, type ScoreRule } from './scoring'

export interface CrmSettingsValues {
  autoAssign: boolean
  salesTeam: number[]
  scoringRules: ScoreRule[]
}

const idOf = (value: unknown) => Number(typeof value === 'object' && value ? (value as { id: unknown }).id : value)

/**
 * The CRM settings as hooks need them, read in the caller's transaction. Until an admin saves the
 * settings once there is no row, and the defaults (auto-assign on, seeded rules, no team) apply.
 */
export async function loadCrmSettings(req: PayloadRequest): Promise<CrmSettingsValues> {
  const doc = (await req.payload.findGlobal({ slug: 'crm-settings', req, depth: 0, overrideAccess: true })) as Record<string, any>
  const saved = Boolean(doc?.updatedAt)
  return {
    autoAssign: saved ? doc.autoAssign !== false : true,
    salesTeam: saved ? ((doc.salesTeam ?? []) as unknown[]).map(idOf).filter(Number.isSafeInteger) : [],
    scoringRules: saved ? ((doc.scoringRules ?? []) as ScoreRule[]) : DEFAULT_SCORE_RULES,
  }
}
