import type { CalendarData } from '../../calendar/loadCalendar'
import type { CalendarLabels, CalendarLanguage } from './labels'

const dayFirst = (day: string) => day.split('-').reverse().join('/')

/** "diciembre de 2026" for a month, "Semana del 07/12/2026 al 13/12/2026" for a week. */
export function PeriodTitle({ data, language, t }: { data: CalendarData; language: CalendarLanguage; t: CalendarLabels }) {
  if (data.view === 'week') return <>{t.weekOf(dayFirst(data.days[0]), dayFirst(data.days[6]))}</>
  const month = new Intl.DateTimeFormat(language === 'en' ? 'en-US' : 'es-ES', { month: 'long', year: 'numeric', timeZone: 'UTC' })
  const text = month.format(new Date(`${data.periodStart}T00:00:00Z`))
  // "Noviembre de 2026": only the first letter up (CSS capitalize would write "De").
  return <>{text.charAt(0).toUpperCase() + text.slice(1)}</>
}
