import { say } from '../../i18n/say'
import { formatLocalDate } from '../../utilities/localTime'
import { dayInZone } from '../courseDays'
import type { ScheduleRule } from './context'

const shown = (day: string) => formatLocalDate(`${day}T12:00:00.000Z`, 'UTC')

/** A session must fall on a day the course runs, counted in the course's zone, when staff set those days. */
export const sessionsOutsideCourseDates: ScheduleRule = ({ sessions, pathOf, timeZone, typedStartDay, typedEndDay, req }) =>
  sessions.flatMap((session) => {
    const day = dayInZone(session.startsAt, timeZone)
    const path = `${pathOf.get(session.id)}.date`
    if (typedStartDay && day < typedStartDay) {
      return [{ path, message: say(req, { es: `La sesión es anterior al inicio del curso (${shown(typedStartDay)}). Cambia esa fecha o déjala vacía para que siga a las sesiones.`, en: `The session is before the course start date (${shown(typedStartDay)}). Change that date or empty it to follow the sessions.` }) }]
    }
    if (typedEndDay && day > typedEndDay) {
      return [{ path, message: say(req, { es: `La sesión es posterior al fin del curso (${shown(typedEndDay)}). Cambia esa fecha o déjala vacía para que siga a las sesiones.`, en: `The session is after the course end date (${shown(typedEndDay)}). Change that date or empty it to follow the sessions.` }) }]
    }
    return []
  })
