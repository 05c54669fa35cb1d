/** The follow-up panel's words, in the admin's two languages. */
const labels = {
  es: {
    heading: 'Seguimiento después del evento',
    loading: 'Cargando el seguimiento…',
    holdTitle: 'Seguimiento en espera',
    waiting: (count: number) => (count === 1 ? '1 persona confirmada espera el seguimiento.' : `${count} personas confirmadas esperan el seguimiento.`),
    holdExplain:
      'No se registró asistencia, así que no se envió nada: no sabemos quién asistió. Registra la asistencia (el siguiente minuto se envía a cada uno lo suyo) o envía a todos un correo que no da por hecho si asistieron o no.',
    recordAttendance: 'Registrar asistencia',
    release: 'Enviar a todos los confirmados',
    confirmRelease: (count: number) =>
      `Se enviará la grabación, los materiales y el enlace para opinar a ${count === 1 ? '1 persona confirmada' : `${count} personas confirmadas`}, sin decir si asistieron. ¿Continuar?`,
    saveFirst: 'Guarda el evento para programar su seguimiento.',
  },
  en: {
    heading: 'Follow-up after the event',
    loading: 'Loading the follow-up…',
    holdTitle: 'Follow-up on hold',
    waiting: (count: number) => (count === 1 ? '1 confirmed person is waiting for the follow-up.' : `${count} confirmed people are waiting for the follow-up.`),
    holdExplain:
      "No attendance was recorded, so nothing was sent: we don't know who came. Record attendance (the next minute sends each person theirs) or send everyone an email that presumes neither.",
    recordAttendance: 'Record attendance',
    release: 'Send to everyone confirmed',
    confirmRelease: (count: number) =>
      `The recording, resources and feedback link go to ${count === 1 ? '1 confirmed person' : `${count} confirmed people`}, without saying whether they attended. Continue?`,
    saveFirst: 'Save the event to schedule its follow-up.',
  },
}

export const followUpLabelsFor = (language: string) => (language === 'en' ? labels.en : labels.es)
