import type { EmailLocale } from '../../email/templateVariables'

type Copy = { subject: string; body: string }
type CourseNoticeKey = 'course_session_reminder_24h' | 'course_session_reminder_1h' | 'course_session_access_15m' | 'course_schedule_changed'

const p = (...lines: string[]) => lines.map((line) => `<p>${line}</p>`).join('\n')

/** The starting text of the emails about course sessions (seeded with the others by src/seed/emailTemplates.ts). */
export const COURSE_NOTICE_TEMPLATES: Record<CourseNoticeKey, Record<EmailLocale, Copy>> = {
  course_session_reminder_24h: {
    es: {
      subject: 'Mañana: sesión {{sessionNumber}} de {{title}}',
      body: p(
        'Hola {{firstName}}:',
        'Te recordamos que mañana tienes la sesión {{sessionNumber}} de <strong>{{title}}</strong>: <strong>{{sessionName}}</strong>.',
        'Empieza el {{sessionStartsAt}}. Lugar: {{location}}',
        'Si la sesión es en línea, unos minutos antes te enviaremos el enlace para entrar.',
        '¡Nos vemos!<br>El equipo de Aula',
      ),
    },
    en: {
      subject: 'Tomorrow: session {{sessionNumber}} of {{title}}',
      body: p(
        'Hi {{firstName}},',
        'A quick reminder that session {{sessionNumber}} of <strong>{{title}}</strong> is tomorrow: <strong>{{sessionName}}</strong>.',
        'It starts on {{sessionStartsAt}}. Where: {{location}}',
        "If the session is online, we'll send you the link to join a few minutes before.",
        'See you soon!<br>The Aula team',
      ),
    },
  },
  course_session_reminder_1h: {
    es: {
      subject: 'En una hora: sesión {{sessionNumber}} de {{title}}',
      body: p(
        'Hola {{firstName}}:',
        'La sesión {{sessionNumber}} de <strong>{{title}}</strong> (<strong>{{sessionName}}</strong>) empieza en una hora, el {{sessionStartsAt}}.',
        'Lugar: {{location}}',
        '¡Hasta pronto!<br>El equipo de Aula',
      ),
    },
    en: {
      subject: 'In one hour: session {{sessionNumber}} of {{title}}',
      body: p(
        'Hi {{firstName}},',
        'Session {{sessionNumber}} of <strong>{{title}}</strong> (<strong>{{sessionName}}</strong>) starts in one hour, on {{sessionStartsAt}}.',
        'Where: {{location}}',
        'See you soon!<br>The Aula team',
      ),
    },
  },
  course_session_access_15m: {
    es: {
      subject: 'Tu enlace para la sesión {{sessionNumber}} de {{title}}',
      body: p(
        'Hola {{firstName}}:',
        'La sesión {{sessionNumber}} de <strong>{{title}}</strong> (<strong>{{sessionName}}</strong>) empieza pronto, el {{sessionStartsAt}}. Entra aquí:',
        '<a href="{{meetingLink}}"><strong>{{meetingLink}}</strong></a>',
        'Te recomendamos conectarte unos minutos antes para probar audio y video.',
        '¡Que la disfrutes!<br>El equipo de Aula',
      ),
    },
    en: {
      subject: 'Your link for session {{sessionNumber}} of {{title}}',
      body: p(
        'Hi {{firstName}},',
        'Session {{sessionNumber}} of <strong>{{title}}</strong> (<strong>{{sessionName}}</strong>) starts soon, on {{sessionStartsAt}}. Join here:',
        '<a href="{{meetingLink}}"><strong>{{meetingLink}}</strong></a>',
        'We suggest joining a few minutes early to check your audio and video.',
        'Enjoy!<br>The Aula team',
      ),
    },
  },
  course_schedule_changed: {
    es: {
      subject: 'Cambios en el horario de {{title}}',
      body:
        p('Hola {{firstName}}:', 'El horario de <strong>{{title}}</strong> cambió. Esto es lo nuevo:') +
        '\n{{scheduleChanges}}\n' +
        p(
          'Te adjuntamos el calendario actualizado: ábrelo para que tu calendario muestre las fechas nuevas. Los recordatorios de cada sesión llegarán a las horas nuevas.',
          'Si el nuevo horario no te queda bien, puedes <a href="{{cancelUrl}}">cancelar tu inscripción</a>.',
          'Gracias por tu comprensión,<br>El equipo de Aula',
        ),
    },
    en: {
      subject: 'Schedule changes for {{title}}',
      body:
        p('Hi {{firstName}},', 'The schedule of <strong>{{title}}</strong> has changed. Here is what is new:') +
        '\n{{scheduleChanges}}\n' +
        p(
          'The updated calendar file is attached: open it so your calendar shows the new dates. Each session’s reminders will follow the new times.',
          "If the new schedule doesn't work for you, you can <a href=\"{{cancelUrl}}\">cancel your registration</a>.",
          'Thanks for understanding,<br>The Aula team',
        ),
    },
  },
}
