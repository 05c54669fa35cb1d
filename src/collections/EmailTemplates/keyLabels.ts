import type { EmailLogKey, EmailTemplateKey } from '../../email/templateVariables'

export const templateKeyLabels: Record<EmailTemplateKey, { es: string; en: string }> = {
  enrollment_confirmed: { es: 'Inscripción confirmada', en: 'Enrollment confirmed' },
  enrollment_waitlisted: { es: 'En lista de espera', en: 'Waitlisted' },
  waitlist_promoted: { es: 'Cupo liberado (lista de espera)', en: 'Promoted from the waitlist' },
  payment_failed: { es: 'Pago fallido', en: 'Payment failed' },
  enrollment_cancelled: { es: 'Inscripción cancelada', en: 'Enrollment cancelled' },
  webinar_reminder_24h: { es: 'Recordatorio 24 h', en: 'Reminder 24 h' },
  webinar_reminder_1h: { es: 'Recordatorio 1 h', en: 'Reminder 1 h' },
  webinar_access_15m: { es: 'Acceso 15 min antes', en: 'Access link 15 min before' },
  webinar_rescheduled: { es: 'Cambio de horario', en: 'New time' },
  lead_received: { es: 'Solicitud recibida (prospecto)', en: 'Lead received' },
  lead_assigned: { es: 'Prospecto asignado (ventas)', en: 'Lead assigned (sales)' },
  sales_followup_digest: { es: 'Resumen diario de seguimiento', en: 'Daily follow-up digest' },
  email_change_confirm: { es: 'Confirmar nuevo correo', en: 'Confirm new email' },
  email_change_notice: { es: 'Aviso de cambio de correo', en: 'Email change notice' },
  enrollment_already_registered: { es: 'Ya estabas inscrito', en: 'Already registered' },
  participants_message: { es: 'Mensaje a participantes', en: 'Message to participants' },
  staff_invitation: { es: 'Invitación al equipo', en: 'Staff invitation' },
  course_session_reminder_24h: { es: 'Curso: recordatorio 24 h de la sesión', en: 'Course: session reminder 24 h' },
  course_session_reminder_1h: { es: 'Curso: recordatorio 1 h de la sesión', en: 'Course: session reminder 1 h' },
  course_session_access_15m: { es: 'Curso: enlace de la sesión 15 min antes', en: 'Course: session link 15 min before' },
  course_schedule_changed: { es: 'Curso: cambio de horario', en: 'Course: schedule changed' },
  certificate_issued: { es: 'Certificado emitido', en: 'Certificate issued' },
  followup_attended: { es: 'Seguimiento: gracias por asistir', en: 'Follow-up: thanks for attending' },
  followup_missed: { es: 'Seguimiento: te extrañamos', en: 'Follow-up: sorry we missed you' },
  followup_released: { es: 'Seguimiento: a todos los confirmados', en: 'Follow-up: to everyone confirmed' },
  bank_transfer_instructions: { es: 'Datos para la transferencia bancaria', en: 'Bank transfer instructions' },
  receipt_issued: { es: 'Comprobante de pago emitido', en: 'Receipt issued' },
  credit_note_issued: { es: 'Nota de crédito emitida', en: 'Credit note issued' },
  group_booking_confirmed: { es: 'Reserva de grupo confirmada (al comprador)', en: 'Group booking confirmed (to the buyer)' },
  booking_attendee_replaced: { es: 'Reserva de grupo: asistente reemplazado', en: 'Group booking: attendee replaced' },
  privacy_export_ready: { es: 'Tus datos personales están listos', en: 'Your personal data is ready' },
}

/** Labels for what an email-log row may be: every template's, plus a campaign's (which has no template). */
export const emailLogKeyLabels: Record<EmailLogKey, { es: string; en: string }> = {
  ...templateKeyLabels,
  campaign: { es: 'Campaña', en: 'Campaign' },
}
