import type { CollectionBeforeChangeHook } from 'payload'

import { idOf } from '../../../crm/ids'
import { getClock } from '../../../utilities/clock'

type Interaction = Record<string, any> & { id?: string }

/**
 * Who logged an interaction and when is the server's word: new rows get the current user and the
 * clock's time, existing rows keep what they had whatever the client sends. Rows carried over from
 * elsewhere (a merge, the demo seed) are passed by the server in `req.context.carriedInteractions`.
 * `lastContactedAt` is the time of the latest contact (anything but a note); the lead's
 * `nextActionAt` mirrors the latest interaction's, so the list can sort and filter on them.
 */
export const stampInteractions: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const known = [...((originalDoc?.interactions ?? []) as Interaction[]), ...((req.context.carriedInteractions ?? []) as Interaction[])]
  const previous = new Map<string, Interaction>(known.map((row) => [String(row.id), row]))
  const now = getClock(req.payload).now().toISOString()
  const by = req.user?.collection === 'users' ? req.user.id : null

  const interactions = ((data.interactions ?? []) as Interaction[]).map((row): Interaction => {
    const existing = row.id ? previous.get(String(row.id)) : undefined
    if (existing) return { ...row, by: idOf(existing.by), at: existing.at }
    return { ...row, by, at: now }
  })
  const time = (row?: Interaction) => (row?.at ? new Date(row.at).getTime() : -Infinity)
  const newest = (rows: Interaction[]) => rows.reduce<Interaction | undefined>((best, row) => (time(row) >= time(best) ? row : best), undefined)

  data.interactions = interactions
  data.lastContactedAt = newest(interactions.filter((row) => row.type !== 'note'))?.at ?? null
  data.nextActionAt = newest(interactions)?.nextActionAt ?? null
  return data
}
