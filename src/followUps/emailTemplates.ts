import type { EmailLocale } from '../email/templateVariables'

type Copy = { subject: string; body: string }
type FollowUpKey = 'followup_attended' | 'followup_missed' | 'followup_released'

const p = (...lines: string[]) => lines.map((line) => `<p>${line}</p>`).join('\n')

/**
 * The starting text of the follow-ups (seeded with the others by src/seed/emailTemplates.ts).
 * `{{materials}}` stands alone between paragraphs: it is a list Aula builds (or a sentence when
 * there is nothing to share). The released one is written for someone who may or may not have come.
 */
export const FOLLOW_UP_TEMPLATES: Record<FollowUpKey, Record<EmailLocale, Copy>> = {
  followup_attended: {
    es: {
      subject: 'Gracias por participar en {{title}}',
      body:
        p('Hola {{firstName}}:', 'Gracias por acompañarnos en <strong>{{title}}</strong>. Aquí tienes la grabación y los materiales:') +
        '\n{{materials}}\n' +
        p('¿Nos cuentas cómo te fue? Te toma un minuto y nos ayuda a mejorar: <a href="{{feedbackUrl}}">dar mi opinión</a>.', '¡Hasta la próxima!<br>El equipo de Aula'),
    },
    en: {
      subject: 'Thanks for joining {{title}}',
      body:
        p('Hi {{firstName}},', 'Thank you for joining us at <strong>{{title}}</strong>. Here are the recording and the resources:') +
        '\n{{materials}}\n' +
        p('How did it go? It takes a minute and helps us improve: <a href="{{feedbackUrl}}">give my feedback</a>.', 'See you next time!<br>The Aula team'),
    },
  },
  followup_missed: {
    es: {
      subject: 'Te extrañamos en {{title}}',
      body:
        p('Hola {{firstName}}:', 'Esta vez no pudimos verte en <strong>{{title}}</strong>. No te preocupes: aquí tienes la grabación y los materiales para ponerte al día:') +
        '\n{{materials}}\n' +
        p('Esperamos verte en la próxima.<br>El equipo de Aula'),
    },
    en: {
      subject: 'We missed you at {{title}}',
      body:
        p('Hi {{firstName}},', "We didn't get to see you at <strong>{{title}}</strong> this time. No worries: here are the recording and the resources to catch up:") +
        '\n{{materials}}\n' +
        p('We hope to see you next time.<br>The Aula team'),
    },
  },
  followup_released: {
    es: {
      subject: '{{title}}: grabación y materiales',
      body:
        p('Hola {{firstName}}:', 'Gracias por inscribirte en <strong>{{title}}</strong>. Ya puedes ver la grabación y los materiales:') +
        '\n{{materials}}\n' +
        p('Si participaste, nos ayudaría saber cómo te fue: <a href="{{feedbackUrl}}">dar mi opinión</a>.', 'Un saludo,<br>El equipo de Aula'),
    },
    en: {
      subject: '{{title}}: recording and resources',
      body:
        p('Hi {{firstName}},', 'Thank you for registering for <strong>{{title}}</strong>. The recording and the resources are ready:') +
        '\n{{materials}}\n' +
        p('If you took part, we would love to know how it went: <a href="{{feedbackUrl}}">give my feedback</a>.', 'Best,<br>The Aula team'),
    },
  },
}
