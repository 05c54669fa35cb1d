import { type CollectionBeforeChangeHook, ValidationError } from 'payload'

import { stageRank } from '../../../crm/options'
import { say } from '../../../i18n/say'
import { getClock } from '../../../utilities/clock'

/**
 * A lost lead needs a reason; winning stamps `convertedAt` (leaving `won` clears it). Every stage
 * change is appended to `stageHistory`, and a step back down the pipeline is flagged `movedBack`:
 * allowed, but visible. The history is the server's: whatever a client sends for it is replaced.
 */
export const applyStageRules: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => {
  const previous = operation === 'update' ? (originalDoc?.stage as string | undefined) : undefined
  const next = (data.stage ?? previous ?? 'new') as string
  if (next === 'lost' && !String(data.lostReason ?? '').trim()) {
    const message = say(req, { es: 'Un prospecto perdido necesita un motivo.', en: 'A lost lead needs a reason.' })
    throw new ValidationError({ collection: 'leads', errors: [{ path: 'lostReason', message }] }, req.t)
  }
  const now = getClock(req.payload).now().toISOString()
  const history = [...((originalDoc?.stageHistory ?? []) as Record<string, unknown>[])]
  if (previous && next !== previous) {
    const by = req.user?.collection === 'users' ? req.user.id : null
    history.push({ from: previous, to: next, at: now, by, movedBack: stageRank(next) < stageRank(previous) })
  }
  data.stageHistory = history
  data.convertedAt = next === 'won' ? (previous === 'won' ? (originalDoc?.convertedAt ?? now) : now) : null
  return data
}
