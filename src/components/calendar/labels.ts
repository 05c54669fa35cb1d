import { courseStatusLabels } from '../../collections/Courses/statuses'
import { webinarStatusLabels } from '../../collections/Webinars/statuses'

/** Every word the calendar shows, in the admin's two languages. */
const labels = {
  es: {
    title: 'Calendario',
    month: 'Mes',
    week: 'Semana',
    previous: 'Anterior',
    next: 'Siguiente',
    today: 'Hoy',
    weekOf: (from: string, to: string) => `Semana del ${from} al ${to}`,
    timesIn: (zone: string) => `Horas en hora de ${zone}, salvo los webinars con otra zona (se indica en cada uno).`,
    weekdays: ['lun', 'mar', 'mié', 'jue', 'vie', 'sáb', 'dom'],
    webinar: 'Webinar',
    course: 'Curso',
    courseStarts: 'Inicio del curso',
    seats: 'Cupos',
    unlimited: 'sin límite',
    timeIn: (zone: string) => `hora de ${zone}`,
    empty: 'No hay webinars ni sesiones en estas fechas.',
    legend: 'Estados',
    staffOnly: 'El calendario es solo para el equipo.',
  },
  en: {
    title: 'Calendar',
    month: 'Month',
    week: 'Week',
    previous: 'Previous',
    next: 'Next',
    today: 'Today',
    weekOf: (from: string, to: string) => `Week of ${from} to ${to}`,
    timesIn: (zone: string) => `Times in ${zone} time, except webinars in another zone (shown on each).`,
    weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    webinar: 'Webinar',
    course: 'Course',
    courseStarts: 'Course starts',
    seats: 'Seats',
    unlimited: 'unlimited',
    timeIn: (zone: string) => `${zone} time`,
    empty: 'No webinars or sessions on these dates.',
    legend: 'Statuses',
    staffOnly: 'The calendar is for staff.',
  },
}

export type CalendarLabels = (typeof labels)['es']
export type CalendarLanguage = keyof typeof labels

export const calendarLabelsFor = (language: string | undefined): CalendarLabels => (language === 'en' ? labels.en : labels.es)

/** Webinar and course statuses share names; one label per status for the legend and each entry. */
export const statusLabel = (status: string, language: CalendarLanguage): string => {
  const all = { ...webinarStatusLabels, ...courseStatusLabels } as Record<string, { es: string; en: string }>
  return all[status]?.[language] ?? status
}

export const CALENDAR_STATUSES = ['draft', 'published', 'in_progress', 'completed', 'cancelled'] as const
