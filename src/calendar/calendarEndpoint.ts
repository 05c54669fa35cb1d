import { APIError, ValidationError, type Endpoint } from 'payload'

import { checkRole, STAFF_ROLES } from '../access'
import { say } from '../i18n/say'
import { loadCalendar } from './loadCalendar'
import { CALENDAR_VIEWS, isCalendarDay, type CalendarView } from './range'

/**
 * `GET /api/calendar?view=month|week&date=YYYY-MM-DD`: the admin calendar's data for staff
 * (students and anonymous callers get nothing). Items are read with the caller's own access.
 */
export const calendarEndpoint: Endpoint = {
  path: '/calendar',
  method: 'get',
  handler: async (req) => {
    if (!req.user) throw new APIError(say(req, { es: 'Inicia sesión para ver el calendario.', en: 'Log in to see the calendar.' }), 401, undefined, true)
    if (!checkRole(STAFF_ROLES, req.user)) throw new APIError(say(req, { es: 'El calendario es solo para el equipo.', en: 'The calendar is for staff.' }), 403, undefined, true)
    const params = new URL(req.url ?? 'http://localhost').searchParams
    const view = params.get('view') ?? 'month'
    const date = params.get('date') ?? undefined
    const errors: { path: string; message: string }[] = []
    if (!CALENDAR_VIEWS.includes(view as CalendarView)) errors.push({ path: 'view', message: say(req, { es: 'view debe ser month o week.', en: 'view must be month or week.' }) })
    if (date !== undefined && !isCalendarDay(date)) errors.push({ path: 'date', message: say(req, { es: 'date debe ser un día escrito AAAA-MM-DD.', en: 'date must be a day written YYYY-MM-DD.' }) })
    if (errors.length) throw new ValidationError({ errors })
    return Response.json(await loadCalendar(req, { view: view as CalendarView, date }))
  },
}
