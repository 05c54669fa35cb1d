import { say } from '../../i18n/say'
import { isOnline } from '../sessions'
import type { ScheduleRule } from './context'

/** How long before an online session its link must be in place: the 24 h reminder must be able to carry it. */
export const MEETING_LINK_DUE_HOURS = 48
const RUNNING = ['published', 'in_progress']

/**
 * An online or hybrid session of a published or running course that starts within the next 48 hours
 * needs its link: students are about to be reminded, and a reminder without a link is a lost class.
 * Drafts and far-off sessions may wait for it.
 */
export const meetingLinkDue: ScheduleRule = ({ sessions, pathOf, status, now, req }) => {
  if (!RUNNING.includes(status)) return []
  const horizon = now.getTime() + MEETING_LINK_DUE_HOURS * 3_600_000
  return sessions
    .filter((session) => isOnline(session) && !session.meetingLink && session.startsAt.getTime() >= now.getTime() && session.startsAt.getTime() < horizon)
    .map((session) => ({
      path: `${pathOf.get(session.id)}.meetingLink`,
      message: say(req, {
        es: `Esta sesión en línea empieza en menos de ${MEETING_LINK_DUE_HOURS} horas: escribe el enlace de la reunión.`,
        en: `This online session starts within ${MEETING_LINK_DUE_HOURS} hours: add its meeting link.`,
      }),
    }))
}
