import { adminLanguage, say } from '../../i18n/say'
import { formatWithZone } from '../../utilities/localTime'
import type { ScheduleRule } from './context'

/**
 * Two sessions of one course cannot run at the same time: [start, start + duration) may not meet.
 * The later one (in time order) gets the error, naming the one it collides with.
 */
export const overlappingSessions: ScheduleRule = ({ sessions, pathOf, timeZone, req }) =>
  sessions.flatMap((session, index) => {
    const earlier = sessions.slice(0, index).find((other) => other.endsAt.getTime() > session.startsAt.getTime())
    if (!earlier) return []
    const when = formatWithZone(earlier.startsAt, timeZone, adminLanguage(req))
    const name = earlier.name ? `«${earlier.name}», ` : ''
    return [
      {
        path: `${pathOf.get(session.id)}.date`,
        message: say(req, { es: `Se cruza con la sesión ${name}${when}.`, en: `Overlaps the session ${name}${when}.` }),
      },
    ]
  })
