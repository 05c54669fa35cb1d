import type { CollectionBeforeChangeHook } from 'payload'

import { followsSessions, scheduleFacts, type FactName } from '../../../courses/scheduleFacts'

const FACTS: FactName[] = ['startDate', 'endDate', 'durationHours']

/**
 * The course's start and end days and its hours are filled in from its sessions when staff leave
 * them empty; a value in the field is kept (docs/courses.md, "Facts that follow the sessions").
 */
export const followSessions: CollectionBeforeChangeHook = ({ data }) => {
  if (!Array.isArray(data.modules)) return data
  const fromSessions = scheduleFacts(data, data.timezone || 'America/Lima')
  for (const name of FACTS) {
    if (followsSessions(data[name]) && fromSessions[name] !== null) data[name] = fromSessions[name]
  }
  return data
}
