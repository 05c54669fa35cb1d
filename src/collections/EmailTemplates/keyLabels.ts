import type { EmailTemplateKey } from '../../email/templateVariables'

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
}
