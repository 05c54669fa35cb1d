import type { PayloadRequest } from 'payload'

import { hasContent } from '../../email/templateBody/nodes'
import { say } from '../../i18n/say'
import type { CampaignContent } from './types'

export type Problem = { path: string; message: string }

/**
 * What a campaign needs before it may be scheduled: the Spanish version complete (everyone can be sent
 * it), and the English one either complete or empty (half of it would send an English subject over a
 * Spanish body). Variables were already checked on save.
 */
export function contentProblems(req: PayloadRequest, campaign: CampaignContent): Problem[] {
  const problems: Problem[] = []
  if (!campaign.subjectEs?.trim())
    problems.push({ path: 'subjectEs', message: say(req, { es: 'Escribe el asunto en español.', en: 'Write the Spanish subject.' }) })
  if (!hasContent(campaign.bodyEs))
    problems.push({ path: 'bodyEs', message: say(req, { es: 'Escribe el cuerpo en español.', en: 'Write the Spanish body.' }) })
  const englishSubject = Boolean(campaign.subjectEn?.trim())
  const englishBody = hasContent(campaign.bodyEn)
  if (englishSubject && !englishBody)
    problems.push({ path: 'bodyEn', message: say(req, { es: 'Escribe el cuerpo en inglés o borra el asunto en inglés.', en: 'Write the English body or clear the English subject.' }) })
  if (englishBody && !englishSubject)
    problems.push({ path: 'subjectEn', message: say(req, { es: 'Escribe el asunto en inglés o borra el cuerpo en inglés.', en: 'Write the English subject or clear the English body.' }) })
  return problems
}
