import { ValidationError } from 'payload'

import { say, type KnowsLanguage } from '../../i18n/say'
import { parseFilters, type ParticipantFilters } from '../filters'

/** Who a message goes to: the page's filters, optionally narrowed to the people ticked on it. */
export interface Audience extends ParticipantFilters {
  enrollmentIds?: number[]
}

export const MAX_PICKED = 5000

export function parseAudience(raw: unknown, lang: KnowsLanguage): Audience {
  if (raw !== undefined && raw !== null && (typeof raw !== 'object' || Array.isArray(raw))) {
    throw new ValidationError({ errors: [{ path: 'audience', message: say(lang, { es: 'audience debe ser un objeto (status, paymentStatus, attended, q, enrollmentIds).', en: 'audience must be an object (status, paymentStatus, attended, q, enrollmentIds).' }) }] })
  }
  const source = (raw ?? {}) as Record<string, unknown>
  const audience: Audience = parseFilters(source, lang, 'audience.')
  const ids = source.enrollmentIds
  if (ids !== undefined && ids !== null) {
    if (!Array.isArray(ids) || !ids.length || ids.length > MAX_PICKED || ids.some((id) => typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1)) {
      throw new ValidationError({ errors: [{ path: 'audience.enrollmentIds', message: say(lang, { es: `audience.enrollmentIds debe ser una lista de 1 a ${MAX_PICKED} ids de inscripción.`, en: `audience.enrollmentIds must be a list of 1 to ${MAX_PICKED} enrollment ids.` }) }] })
    }
    audience.enrollmentIds = [...new Set(ids as number[])]
  }
  return audience
}
