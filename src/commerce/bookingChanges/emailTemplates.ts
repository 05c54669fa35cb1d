import type { EmailLocale } from '../../email/templateVariables'

type Copy = { subject: string; body: string }

const p = (...lines: string[]) => lines.map((line) => `<p>${line}</p>`).join('\n')

/**
 * To a group attendee whose seat the buyer or staff gave to someone else before the start (seeded with the
 * others by src/seed/emailTemplates.ts). `reason` names who took the seat. It carries the calendar cancellation.
 */
export const BOOKING_CHANGE_TEMPLATES: Record<'booking_attendee_replaced', Record<EmailLocale, Copy>> = {
  booking_attendee_replaced: {
    es: {
      subject: 'Ya no tienes cupo en {{title}}',
      body: p(
        'Hola {{firstName}}:',
        'Quien reservó los cupos de tu grupo para <strong>{{title}}</strong> ({{startsAt}}) asignó tu cupo a otra persona. {{reason}}',
        'Ya no recibirás recordatorios de esta actividad y puedes borrarla de tu calendario. No tienes que hacer nada más.',
        'Si crees que es un error, habla con quien hizo la reserva o responde a este correo.',
        'Un saludo,<br>El equipo de Aula',
      ),
    },
    en: {
      subject: 'You no longer have a seat at {{title}}',
      body: p(
        'Hi {{firstName}},',
        'Whoever booked your group’s seats for <strong>{{title}}</strong> ({{startsAt}}) has given your seat to someone else. {{reason}}',
        'You will get no more reminders for it, and you can remove it from your calendar. There is nothing else you need to do.',
        'If you think this is a mistake, talk to whoever made the booking or reply to this email.',
        'Best,<br>The Aula team',
      ),
    },
  },
}
