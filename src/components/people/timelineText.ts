/** The timeline's own words in the admin's language. */
export function timelineText(language: string) {
  const en = language === 'en'
  const sources: Record<string, [string, string]> = {
    account: ['Cuenta', 'Account'],
    leadHistory: ['Prospecto', 'Lead'],
    interactions: ['Interacción', 'Interaction'],
    enrollments: ['Inscripción', 'Enrollment'],
    payments: ['Pago', 'Payment'],
    emails: ['Correo', 'Email'],
  }
  return {
    heading: en ? 'Timeline' : 'Historial',
    loading: en ? 'Loading…' : 'Cargando…',
    failed: en ? 'The timeline could not be loaded. Reload the page to try again.' : 'No se pudo cargar el historial. Recarga la página para intentarlo de nuevo.',
    empty: en ? 'Nothing yet.' : 'Todavía no hay nada.',
    zone: (name: string) => (en ? `Times in ${name} time.` : `Horas en hora de ${name}.`),
    related: (collection: string) =>
      collection === 'leads' ? (en ? 'Account of this person:' : 'Cuenta de esta persona:') : en ? 'Leads of this person:' : 'Prospectos de esta persona:',
    hidden: (names: string[]) => (en ? `Not shown (your role cannot see them): ${names.join(', ')}.` : `No se muestran (tu rol no tiene acceso): ${names.join(', ')}.`),
    source: (name: string) => sources[name]?.[en ? 1 : 0] ?? name,
    showMessage: en ? 'View message' : 'Ver mensaje',
    hideMessage: en ? 'Hide message' : 'Ocultar mensaje',
  }
}
