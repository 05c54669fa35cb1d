/** The email-plan panels' words, in the admin's two languages. */
const labels = {
  es: {
    itemHeading: 'Correos programados',
    personHeading: 'Correos de esta persona',
    loading: 'Cargando los correos…',
    failed: 'No se pudieron cargar los correos.',
    saveFirst: 'Guarda el evento para ver sus correos programados.',
    empty: 'Ninguna regla de correo se aplica a este evento.',
    zone: (zone: string) => `Horas de ${zone}.`,
    when: 'Cuándo',
    email: 'Correo',
    people: 'Personas',
    counts: (sent: number, queued: number, cancelled: number) => `${sent} enviados · ${queued} en cola · ${cancelled} cancelados`,
    noRule: 'Regla eliminada',
    got: 'Recibió',
    upcoming: 'Recibirá',
    none: 'Nada.',
  },
  en: {
    itemHeading: 'Scheduled emails',
    personHeading: 'This person’s emails',
    loading: 'Loading the emails…',
    failed: 'The emails could not be loaded.',
    saveFirst: 'Save the event to see its scheduled emails.',
    empty: 'No email rule applies to this event.',
    zone: (zone: string) => `Times in ${zone}.`,
    when: 'When',
    email: 'Email',
    people: 'People',
    counts: (sent: number, queued: number, cancelled: number) => `${sent} sent · ${queued} queued · ${cancelled} cancelled`,
    noRule: 'Deleted rule',
    got: 'Got',
    upcoming: 'Will get',
    none: 'Nothing.',
  },
}

export const emailPlanLabelsFor = (language: string | undefined) => (language === 'en' ? labels.en : labels.es)
