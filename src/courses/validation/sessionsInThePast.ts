import { say } from '../../i18n/say'
import type { ScheduleRule } from './context'

/**
 * Nobody schedules a class that already happened: a new session, or one whose start was moved, must
 * start after now. Sessions that were already there and keep their date stay valid once past, so a
 * running course can still be edited.
 */
export const sessionsInThePast: ScheduleRule = ({ sessions, pathOf, startedBefore, now, req }) =>
  sessions.flatMap((session) => {
    if (session.startsAt.getTime() >= now.getTime()) return []
    const before = startedBefore.get(session.id)
    const isNew = !startedBefore.has(session.id)
    const moved = !isNew && (before ? new Date(before).getTime() : NaN) !== session.startsAt.getTime()
    if (!isNew && !moved) return []
    return [
      {
        path: `${pathOf.get(session.id)}.date`,
        message: isNew
          ? say(req, { es: 'Una sesión nueva no puede empezar en el pasado.', en: 'A new session cannot start in the past.' })
          : say(req, { es: 'No se puede mover una sesión a un momento pasado.', en: 'A session cannot be moved to a moment in the past.' }),
      },
    ]
  })
