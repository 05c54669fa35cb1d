import type { EnrollmentEvent, OffsetUnit, RuleAudience, RuleScope, RuleTiming, RuleTrigger } from '../../automation/rules/types'

type Labels<K extends string> = Record<K, { es: string; en: string }>

export const triggerLabels: Labels<RuleTrigger> = {
  before_start: { es: 'Antes del inicio', en: 'Before the start' },
  after_start: { es: 'Después del inicio', en: 'After the start' },
  before_end: { es: 'Antes del final', en: 'Before the end' },
  after_end: { es: 'Después del final', en: 'After the end' },
  enrollment_change: { es: 'Cuando cambia la inscripción', en: 'When the enrollment changes' },
}

export const offsetUnitLabels: Labels<OffsetUnit> = {
  minutes: { es: 'minutos', en: 'minutes' },
  hours: { es: 'horas', en: 'hours' },
  days: { es: 'días', en: 'days' },
}

export const enrollmentEventLabels: Labels<EnrollmentEvent> = {
  confirmed: { es: 'Confirmada', en: 'Confirmed' },
  waitlisted: { es: 'En lista de espera', en: 'Waitlisted' },
  promoted: { es: 'Sale de la lista de espera', en: 'Promoted from the waitlist' },
  cancelled: { es: 'Cancelada', en: 'Cancelled' },
  completed: { es: 'Completada', en: 'Completed' },
}

export const audienceLabels: Labels<RuleAudience> = {
  confirmed: { es: 'Confirmados', en: 'Confirmed' },
  waitlisted: { es: 'En lista de espera', en: 'Waitlisted' },
  attended: { es: 'Asistieron', en: 'Attended' },
  no_shows: { es: 'No asistieron', en: 'No-shows' },
  enrolled: { es: 'Todos los inscritos (confirmados y en espera)', en: 'Everyone enrolled (confirmed and waitlisted)' },
}

export const scopeLabels: Labels<RuleScope> = {
  all_webinars: { es: 'Todos los webinars', en: 'All webinars' },
  all_courses: { es: 'Todos los cursos', en: 'All courses' },
  all_items: { es: 'Todos los webinars y cursos', en: 'All webinars and courses' },
  categories: { es: 'Categorías elegidas', en: 'Chosen categories' },
  items: { es: 'Webinars o cursos elegidos', en: 'Chosen webinars or courses' },
}

export const timingLabels: Labels<RuleTiming> = {
  item: { es: 'Inicio/final del evento', en: 'The event’s start/end' },
  each_session: { es: 'Cada sesión del curso', en: 'Each course session' },
}

export const optionsOf = <K extends string>(labels: Labels<K>) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }))
