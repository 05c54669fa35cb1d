import type { Payload, PayloadRequest } from 'payload'

import { CERTIFICATE_TEMPLATES } from '../certificates/emailTemplates'
import { BOOKING_CHANGE_TEMPLATES } from '../commerce/bookingChanges/emailTemplates'
import { BANK_TRANSFER_TEMPLATES } from '../commerce/manualPayments/emailTemplates'
import { GROUP_BOOKING_TEMPLATES } from '../commerce/groups/emailTemplates'
import { RECEIPT_TEMPLATES } from '../commerce/receipts/emailTemplates'
import { COURSE_NOTICE_TEMPLATES } from '../courses/notify/emailTemplates'
import { FOLLOW_UP_TEMPLATES } from '../followUps/emailTemplates'
import { PRIVACY_EXPORT_TEMPLATES } from '../privacy/export/selfService/emailTemplates'
import { templateBodyFields } from '../email/templateBody/convertStoredTemplates'
import type { EmailLocale, EmailTemplateKey } from '../email/templateVariables'

type Copy = { subject: string; body: string }

const p = (...lines: string[]) => lines.map((line) => `<p>${line}</p>`).join('\n')

/**
 * The starting text of every email, in Spanish (Latin America, "tú") and English. Written here as
 * simple HTML (paragraphs, <strong>, <em>, links, lists, <br>) with `{{variables}}`; seeding stores
 * each as rich text (each `{{variable}}` becomes a picked variable), which staff then edit in the
 * editor. A body using other markup is stored as HTML and still sent (see templateBody/fromHtml.ts).
 */
export const DEFAULT_EMAIL_TEMPLATES: Record<EmailTemplateKey, Record<EmailLocale, Copy>> = {
  enrollment_confirmed: {
    es: {
      subject: '¡Listo, {{firstName}}! Tu lugar en {{title}} está confirmado',
      body: p(
        'Hola {{firstName}}:',
        'Tu inscripción en <strong>{{title}}</strong> está confirmada. Nos vemos el {{startsAt}}.',
        'Te adjuntamos la invitación para tu calendario. Puedes ver los detalles aquí: <a href="{{itemUrl}}">{{itemUrl}}</a>',
        'Si ya no puedes asistir, libera tu lugar para otra persona: <a href="{{cancelUrl}}">cancelar inscripción</a>.',
        '¡Gracias por aprender con nosotros!<br>El equipo de Aula',
      ),
    },
    en: {
      subject: "You're in, {{firstName}}! Your seat for {{title}} is confirmed",
      body: p(
        'Hi {{firstName}},',
        'Your registration for <strong>{{title}}</strong> is confirmed. See you on {{startsAt}}.',
        'A calendar invitation is attached. Details are here: <a href="{{itemUrl}}">{{itemUrl}}</a>',
        "If you can no longer attend, please free your seat for someone else: <a href=\"{{cancelUrl}}\">cancel registration</a>.",
        'Thanks for learning with us!<br>The Aula team',
      ),
    },
  },
  enrollment_waitlisted: {
    es: {
      subject: 'Estás en la lista de espera de {{title}}',
      body: p(
        'Hola {{firstName}}:',
        '<strong>{{title}}</strong> está completo por ahora, así que te anotamos en la lista de espera.',
        'Si se libera un lugar, te avisaremos de inmediato por correo. No necesitas hacer nada más.',
        'Un saludo,<br>El equipo de Aula',
      ),
    },
    en: {
      subject: "You're on the waitlist for {{title}}",
      body: p(
        'Hi {{firstName}},',
        '<strong>{{title}}</strong> is full for now, so we have added you to the waitlist.',
        "If a seat opens up, we'll email you right away. There's nothing else you need to do.",
        'Best,<br>The Aula team',
      ),
    },
  },
  waitlist_promoted: {
    es: {
      subject: '¡Buenas noticias! Se liberó un lugar en {{title}}',
      body: p(
        'Hola {{firstName}}:',
        'Se liberó un lugar en <strong>{{title}}</strong>, el {{startsAt}}, y ahora es tuyo.',
      ) +
      '\n{{nextStep}}\n' +
      p(
        'Detalles: <a href="{{itemUrl}}">{{itemUrl}}</a>. Si ya no puedes asistir, <a href="{{cancelUrl}}">cancela aquí</a>.',
        '¡Te esperamos!<br>El equipo de Aula',
      ),
    },
    en: {
      subject: 'Good news! A seat opened up for {{title}}',
      body: p(
        'Hi {{firstName}},',
        'A seat opened up for <strong>{{title}}</strong> on {{startsAt}}, and it is yours.',
      ) +
      '\n{{nextStep}}\n' +
      p(
        'Details: <a href="{{itemUrl}}">{{itemUrl}}</a>. If you can no longer attend, <a href="{{cancelUrl}}">cancel here</a>.',
        'See you there!<br>The Aula team',
      ),
    },
  },
  payment_failed: {
    es: {
      subject: 'No pudimos procesar tu pago para {{title}}',
      body: p(
        'Hola {{firstName}}:',
        'Intentamos cobrar {{amount}} {{currency}} por <strong>{{title}}</strong>, pero el pago no se completó ({{reason}}).',
        'Puedes intentarlo de nuevo desde <a href="{{itemUrl}}">{{itemUrl}}</a>. Si necesitas ayuda, responde a este correo.',
        'Un saludo,<br>El equipo de Aula',
      ),
    },
    en: {
      subject: "We couldn't process your payment for {{title}}",
      body: p(
        'Hi {{firstName}},',
        'We tried to charge {{amount}} {{currency}} for <strong>{{title}}</strong>, but the payment did not go through ({{reason}}).',
        'You can try again at <a href="{{itemUrl}}">{{itemUrl}}</a>. If you need a hand, just reply to this email.',
        'Best,<br>The Aula team',
      ),
    },
  },
  enrollment_cancelled: {
    es: {
      subject: 'Tu inscripción en {{title}} fue cancelada',
      body: p(
        'Hola {{firstName}}:',
        'Confirmamos que tu inscripción en <strong>{{title}}</strong> fue cancelada. {{reason}}',
        'Si pagaste, el reembolso de {{amount}} {{currency}} se procesará según nuestra política.',
        'Esperamos verte pronto en otra actividad: <a href="{{itemUrl}}">{{itemUrl}}</a>',
        'Un saludo,<br>El equipo de Aula',
      ),
    },
    en: {
      subject: 'Your registration for {{title}} was cancelled',
      body: p(
        'Hi {{firstName}},',
        'This confirms that your registration for <strong>{{title}}</strong> was cancelled. {{reason}}',
        'If you paid, the refund of {{amount}} {{currency}} will be processed under our policy.',
        'We hope to see you at another session soon: <a href="{{itemUrl}}">{{itemUrl}}</a>',
        'Best,<br>The Aula team',
      ),
    },
  },
  webinar_reminder_24h: {
    es: {
      subject: 'Mañana: {{title}}',
      body: p(
        'Hola {{firstName}}:',
        'Te recordamos que <strong>{{title}}</strong> es mañana, el {{startsAt}}.',
        'Unos minutos antes te enviaremos el enlace de acceso. Detalles: <a href="{{itemUrl}}">{{itemUrl}}</a>',
        '¿Ya no puedes asistir? <a href="{{cancelUrl}}">Libera tu lugar</a>.',
        '¡Nos vemos!<br>El equipo de Aula',
      ),
    },
    en: {
      subject: 'Tomorrow: {{title}}',
      body: p(
        'Hi {{firstName}},',
        'A quick reminder that <strong>{{title}}</strong> is tomorrow, {{startsAt}}.',
        "We'll send you the access link a few minutes before. Details: <a href=\"{{itemUrl}}\">{{itemUrl}}</a>",
        "Can't make it anymore? <a href=\"{{cancelUrl}}\">Free your seat</a>.",
        'See you soon!<br>The Aula team',
      ),
    },
  },
  webinar_reminder_1h: {
    es: {
      subject: 'En una hora: {{title}}',
      body: p(
        'Hola {{firstName}}:',
        '<strong>{{title}}</strong> empieza en una hora ({{startsAt}}).',
        'Ten a mano tus preguntas. Poco antes del inicio recibirás el enlace para entrar.',
        '¡Hasta pronto!<br>El equipo de Aula',
      ),
    },
    en: {
      subject: 'In one hour: {{title}}',
      body: p(
        'Hi {{firstName}},',
        '<strong>{{title}}</strong> starts in one hour ({{startsAt}}).',
        'Have your questions ready. You will get the link to join shortly before the start.',
        'See you soon!<br>The Aula team',
      ),
    },
  },
  webinar_access_15m: {
    es: {
      subject: 'Tu enlace para entrar a {{title}}',
      body: p(
        'Hola {{firstName}}:',
        '<strong>{{title}}</strong> empieza en 15 minutos. Entra aquí:',
        '<a href="{{meetingLink}}"><strong>{{meetingLink}}</strong></a>',
        'Te recomendamos conectarte unos minutos antes para probar audio y video.',
        '¡Que lo disfrutes!<br>El equipo de Aula',
      ),
    },
    en: {
      subject: 'Your link to join {{title}}',
      body: p(
        'Hi {{firstName}},',
        '<strong>{{title}}</strong> starts in 15 minutes. Join here:',
        '<a href="{{meetingLink}}"><strong>{{meetingLink}}</strong></a>',
        'We suggest joining a few minutes early to check your audio and video.',
        'Enjoy!<br>The Aula team',
      ),
    },
  },
  webinar_rescheduled: {
    es: {
      subject: 'Nuevo horario para {{title}}',
      body: p(
        'Hola {{firstName}}:',
        '<strong>{{title}}</strong> cambió de horario. La nueva fecha es el {{startsAt}}. {{reason}}',
        'Tu lugar sigue reservado y actualizamos la invitación de tu calendario.',
        'Si el nuevo horario no te queda bien, puedes <a href="{{cancelUrl}}">cancelar tu inscripción</a>.',
        'Gracias por tu comprensión,<br>El equipo de Aula',
      ),
    },
    en: {
      subject: 'New time for {{title}}',
      body: p(
        'Hi {{firstName}},',
        '<strong>{{title}}</strong> has a new time: {{startsAt}}. {{reason}}',
        'Your seat is still reserved and your calendar invitation has been updated.',
        "If the new time doesn't work for you, you can <a href=\"{{cancelUrl}}\">cancel your registration</a>.",
        'Thanks for understanding,<br>The Aula team',
      ),
    },
  },
  lead_received: {
    es: {
      subject: 'Recibimos tu solicitud, {{firstName}}',
      body: p(
        'Hola {{firstName}}:',
        'Gracias por escribirnos sobre {{interest}}. Una persona de nuestro equipo te contactará en menos de un día hábil.',
        'Si quieres adelantarnos algo, responde a este correo.',
        'Un saludo,<br>El equipo de Aula',
      ),
    },
    en: {
      subject: 'We received your request, {{firstName}}',
      body: p(
        'Hi {{firstName}},',
        'Thanks for reaching out about {{interest}}. Someone from our team will contact you within one business day.',
        'If there is anything you would like to add, just reply to this email.',
        'Best,<br>The Aula team',
      ),
    },
  },
  lead_assigned: {
    es: {
      subject: 'Nuevo prospecto asignado: {{leadName}}',
      body: p(
        'Hola {{firstName}}:',
        'Te asignamos a <strong>{{leadName}}</strong> ({{company}}), interesado en {{interest}}.',
        'Revisa la ficha y haz el primer contacto: <a href="{{leadUrl}}">{{leadUrl}}</a>',
        '¡Éxito!',
      ),
    },
    en: {
      subject: 'New lead assigned: {{leadName}}',
      body: p(
        'Hi {{firstName}},',
        '<strong>{{leadName}}</strong> ({{company}}), interested in {{interest}}, has been assigned to you.',
        'Open the lead and make the first contact: <a href="{{leadUrl}}">{{leadUrl}}</a>',
        'Good luck!',
      ),
    },
  },
  sales_followup_digest: {
    es: {
      subject: 'Tus seguimientos de hoy',
      body: `${p('Hola {{firstName}}:', 'Estos prospectos esperan una acción tuya hoy:')}\n{{leadList}}\n${p('¡Buen día de ventas!')}`,
    },
    en: {
      subject: "Today's follow-ups",
      body: `${p('Hi {{firstName}},', 'These leads are waiting for an action from you today:')}\n{{leadList}}\n${p('Have a great sales day!')}`,
    },
  },
  email_change_confirm: {
    es: {
      subject: 'Confirma tu nuevo correo en Aula',
      body: p(
        'Hola {{firstName}}:',
        'Pediste usar <strong>{{newEmail}}</strong> como el correo de tu cuenta de Aula. Para confirmarlo, abre este enlace:',
        '<a href="{{confirmUrl}}">Confirmar mi nuevo correo</a>',
        'El enlace vence en 24 horas. Hasta que lo confirmes, tu cuenta sigue usando tu correo anterior.',
        'Si no lo pediste, ignora este mensaje: nada cambiará.',
      ),
    },
    en: {
      subject: 'Confirm your new email for Aula',
      body: p(
        'Hi {{firstName}},',
        'You asked to use <strong>{{newEmail}}</strong> as the email of your Aula account. To confirm it, open this link:',
        '<a href="{{confirmUrl}}">Confirm my new email</a>',
        'The link expires in 24 hours. Until you confirm, your account keeps its current email.',
        'If you did not ask for this, ignore this message: nothing will change.',
      ),
    },
  },
  email_change_notice: {
    es: {
      subject: 'Se pidió cambiar el correo de tu cuenta de Aula',
      body: p(
        'Hola {{firstName}}:',
        'Se pidió cambiar el correo de tu cuenta de Aula a <strong>{{newEmail}}</strong>. El cambio solo ocurre si se confirma desde esa dirección.',
        'Si no fuiste tú, cambia tu contraseña cuanto antes y escríbenos respondiendo a este correo.',
      ),
    },
    en: {
      subject: 'A change of your Aula account email was requested',
      body: p(
        'Hi {{firstName}},',
        'Someone asked to change the email of your Aula account to <strong>{{newEmail}}</strong>. The change happens only once it is confirmed from that address.',
        'If it was not you, change your password now and tell us by replying to this email.',
      ),
    },
  },
  enrollment_already_registered: {
    es: {
      subject: 'Ya estás inscrito en {{title}}',
      body: p(
        'Hola {{firstName}}:',
        'Recibimos una nueva inscripción a tu nombre en <strong>{{title}}</strong>, pero ya estabas inscrito, así que no cambiamos nada.',
      ) +
      '\n{{nextStep}}\n' +
      p(
        'Detalles: <a href="{{itemUrl}}">{{itemUrl}}</a>. Si ya no puedes asistir, <a href="{{cancelUrl}}">cancela aquí</a>.',
        'Si no fuiste tú, alguien escribió tu correo en el formulario: no necesitas hacer nada.',
      ),
    },
    en: {
      subject: 'You are already registered for {{title}}',
      body: p(
        'Hi {{firstName}},',
        'We received a new registration in your name for <strong>{{title}}</strong>, but you were already registered, so nothing changed.',
      ) +
      '\n{{nextStep}}\n' +
      p(
        'Details: <a href="{{itemUrl}}">{{itemUrl}}</a>. If you can no longer attend, <a href="{{cancelUrl}}">cancel here</a>.',
        'If it was not you, someone typed your email into the form: there is nothing you need to do.',
      ),
    },
  },
  // Staff write the subject and body on a participants page (src/participants); the template frames them.
  participants_message: {
    es: {
      subject: '{{messageSubject}}',
      body: '{{messageBody}}\n' + p('<small>Recibes este mensaje porque estás inscrito en <strong>{{title}}</strong>.</small>'),
    },
    en: {
      subject: '{{messageSubject}}',
      body: '{{messageBody}}\n' + p('<small>You are receiving this message because you are registered for <strong>{{title}}</strong>.</small>'),
    },
  },
  // An admin created the account (src/accounts/invitation.ts); the link is Payload's reset-password page.
  staff_invitation: {
    es: {
      subject: 'Te invitaron a Aula: elige tu contraseña',
      body: p(
        'Hola {{firstName}}:',
        'Te crearon una cuenta en Aula con el correo <strong>{{email}}</strong>. Para empezar, elige tu contraseña:',
        '<a href="{{setPasswordUrl}}">Elegir mi contraseña</a>',
        'El enlace vence en {{validDays}} días. Si vence, pide uno nuevo con «¿Olvidaste tu contraseña?» en la página de inicio de sesión.',
        '¡Bienvenido al equipo!<br>El equipo de Aula',
      ),
    },
    en: {
      subject: 'You are invited to Aula: choose your password',
      body: p(
        'Hi {{firstName}},',
        'An account was created for you in Aula with the email <strong>{{email}}</strong>. To start, choose your password:',
        '<a href="{{setPasswordUrl}}">Choose my password</a>',
        'The link expires in {{validDays}} days. If it does, ask for a new one with "Forgot password?" on the login page.',
        'Welcome to the team!<br>The Aula team',
      ),
    },
  },
  // Course sessions: reminders, access link and schedule changes (src/courses/notify).
  ...COURSE_NOTICE_TEMPLATES,
  // After the event: thanks / sorry we missed you / released to everyone confirmed (src/followUps).
  ...FOLLOW_UP_TEMPLATES,
  // The certificate email (src/certificates).
  ...CERTIFICATE_TEMPLATES,
  // Seats held for a bank transfer (src/commerce/manualPayments).
  ...BANK_TRANSFER_TEMPLATES,
  // Receipts and credit notes to the buyer (src/commerce/receipts).
  ...RECEIPT_TEMPLATES,
  // The buyer's confirmation of a group booking (src/commerce/groups).
  ...GROUP_BOOKING_TEMPLATES,
  // To a group attendee replaced by someone else (src/commerce/bookingChanges).
  ...BOOKING_CHANGE_TEMPLATES,
  // A person's own data export is ready to download (src/privacy/export).
  ...PRIVACY_EXPORT_TEMPLATES,
}

/** Creates the templates that are missing (by key and language); a template staff already edited is never touched. */
export async function seedEmailTemplates(payload: Payload, req?: PayloadRequest): Promise<number> {
  const existing = await payload.find({
    req,
    collection: 'email-templates',
    select: { key: true, locale: true },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
  })
  const present = new Set(existing.docs.map((doc) => `${doc.key}:${doc.locale}`))
  let created = 0
  for (const [key, copies] of Object.entries(DEFAULT_EMAIL_TEMPLATES) as [EmailTemplateKey, Record<EmailLocale, Copy>][]) {
    for (const [locale, copy] of Object.entries(copies) as [EmailLocale, Copy][]) {
      if (present.has(`${key}:${locale}`)) continue
      const data = { key, locale, subject: copy.subject, ...templateBodyFields(copy.body) }
      await payload.create({ collection: 'email-templates', data, overrideAccess: true, req })
      created += 1
    }
  }
  return created
}
