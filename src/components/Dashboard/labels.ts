/** Every word the dashboard and the export button show, in the admin's two languages. */
const labels = {
  es: {
    title: 'Panel',
    upcoming: 'Próximos webinars y cursos',
    upcomingEmpty: 'No hay webinars ni cursos publicados por empezar.',
    seats: 'Cupos',
    unlimited: 'sin límite',
    waitlist: 'en espera',
    nearlyFull: 'Casi lleno',
    webinar: 'Webinar',
    course: 'Curso',
    registrations: 'Inscripciones por semana (últimas 12)',
    revenue: 'Ingresos por mes (pagos cobrados menos reembolsos)',
    revenueEmpty: 'Sin pagos en los últimos 12 meses.',
    showRate: 'Asistencia a webinars pasados',
    showRateDetail: (attended: number, confirmed: number) => `${attended} de ${confirmed} confirmados asistieron`,
    averageRating: 'Valoración media',
    ratingsDetail: (count: number) => `${count} valoraciones`,
    leads: 'Embudo de leads',
    ownLeads: 'Embudo de tus leads',
    newThisWeek: 'Nuevos esta semana',
    overdue: 'Seguimientos vencidos',
    stages: { new: 'Nuevo', contacted: 'Contactado', qualified: 'Calificado', proposal: 'Propuesta', negotiation: 'Negociación', won: 'Ganado', lost: 'Perdido' },
    failedEmails: 'Correos fallidos (últimos 7 días)',
    seeEmailLog: 'Ver en el registro de correos',
    unavailable: 'Aún no disponible.',
    failed: 'No se pudo cargar este dato.',
    noData: 'Sin datos',
    exportCsv: 'Exportar CSV',
  },
  en: {
    title: 'Dashboard',
    upcoming: 'Upcoming webinars and courses',
    upcomingEmpty: 'No published webinars or courses are about to start.',
    seats: 'Seats',
    unlimited: 'unlimited',
    waitlist: 'waitlisted',
    nearlyFull: 'Nearly full',
    webinar: 'Webinar',
    course: 'Course',
    registrations: 'Registrations per week (last 12)',
    revenue: 'Revenue per month (payments collected minus refunds)',
    revenueEmpty: 'No payments in the last 12 months.',
    showRate: 'Show rate of past webinars',
    showRateDetail: (attended: number, confirmed: number) => `${attended} of ${confirmed} confirmed attended`,
    averageRating: 'Average rating',
    ratingsDetail: (count: number) => `${count} ratings`,
    leads: 'Lead pipeline',
    ownLeads: 'Your lead pipeline',
    newThisWeek: 'New this week',
    overdue: 'Overdue follow-ups',
    stages: { new: 'New', contacted: 'Contacted', qualified: 'Qualified', proposal: 'Proposal', negotiation: 'Negotiation', won: 'Won', lost: 'Lost' },
    failedEmails: 'Failed emails (last 7 days)',
    seeEmailLog: 'Open the email log',
    unavailable: 'Not available yet.',
    failed: 'This figure could not be loaded.',
    noData: 'No data',
    exportCsv: 'Export CSV',
  },
}

export type AdminLanguage = keyof typeof labels
export type Labels = (typeof labels)['es']

export const labelsFor = (language: string | undefined): Labels => (language === 'en' ? labels.en : labels.es)

/** `Intl` locale for the admin language: dates and money the way each audience reads them. */
export const localeFor = (language: string | undefined) => (language === 'en' ? 'en-US' : 'es-ES')
