/** What staff read in the variable list; the `{{name}}` stays the stored value (and what typed templates use). */
export const variableLabels: Record<string, { es: string; en: string }> = {
  firstName: { es: 'Nombre', en: 'First name' },
  lastName: { es: 'Apellido', en: 'Last name' },
  email: { es: 'Correo del destinatario', en: 'Recipient email' },
  title: { es: 'Título del webinar o curso', en: 'Webinar or course title' },
  startsAt: { es: 'Fecha y hora de inicio', en: 'Start date and time' },
  timezone: { es: 'Zona horaria', en: 'Time zone' },
  meetingLink: { es: 'Enlace de la reunión', en: 'Meeting link' },
  seatsLeft: { es: 'Cupos disponibles', en: 'Seats left' },
  cancelUrl: { es: 'Enlace para cancelar', en: 'Cancel link' },
  itemUrl: { es: 'Enlace a la página', en: 'Page link' },
  amount: { es: 'Monto', en: 'Amount' },
  currency: { es: 'Moneda', en: 'Currency' },
  payUrl: { es: 'Enlace de pago', en: 'Payment link' },
  holdExpiresAt: { es: 'Vence la reserva', en: 'Hold expires at' },
  nextStep: { es: 'Siguiente paso (pago o nada)', en: 'Next step (payment or nothing)' },
  reason: { es: 'Motivo', en: 'Reason' },
  leadName: { es: 'Nombre del prospecto', en: 'Lead name' },
  company: { es: 'Empresa', en: 'Company' },
  interest: { es: 'Interés', en: 'Interest' },
  leadUrl: { es: 'Enlace al prospecto', en: 'Lead link' },
  leadList: { es: 'Lista de prospectos', en: 'Lead list' },
  newEmail: { es: 'Nuevo correo', en: 'New email' },
  confirmUrl: { es: 'Enlace de confirmación', en: 'Confirmation link' },
  messageSubject: { es: 'Asunto del mensaje', en: 'Message subject' },
  messageBody: { es: 'Texto del mensaje', en: 'Message text' },
  sessionName: { es: 'Nombre de la sesión', en: 'Session name' },
  sessionNumber: { es: 'Número de la sesión', en: 'Session number' },
  sessionStartsAt: { es: 'Inicio de la sesión (con zona horaria)', en: 'Session start (with time zone)' },
  location: { es: 'Lugar de la sesión', en: 'Session location' },
  scheduleChanges: { es: 'Lista de cambios de horario', en: 'List of schedule changes' },
  holderName: { es: 'Nombre impreso en el certificado', en: 'Name printed on the certificate' },
  certificateNumber: { es: 'Número del certificado', en: 'Certificate number' },
  hours: { es: 'Horas certificadas', en: 'Certified hours' },
  completedOn: { es: 'Fecha de finalización', en: 'Completion date' },
  verifyUrl: { es: 'Enlace de verificación', en: 'Verification link' },
  recordingUrl: { es: 'Enlace de la grabación', en: 'Recording link' },
  materials: { es: 'Grabación y materiales (lista)', en: 'Recording and resources (list)' },
  feedbackUrl: { es: 'Enlace para opinar', en: 'Feedback link' },
}

export const variableLabel = (name: string, language: string): string => {
  const label = variableLabels[name]
  if (!label) return name
  return language === 'en' ? label.en : label.es
}
