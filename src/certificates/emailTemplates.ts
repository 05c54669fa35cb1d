import type { EmailLocale } from '../email/templateVariables'

type Copy = { subject: string; body: string }

const p = (...lines: string[]) => lines.map((line) => `<p>${line}</p>`).join('\n')

/** The starting text of the certificate email (seeded with the others by src/seed/emailTemplates.ts). */
export const CERTIFICATE_TEMPLATES: Record<'certificate_issued', Record<EmailLocale, Copy>> = {
  certificate_issued: {
    es: {
      subject: 'Tu certificado de {{title}} ({{certificateNumber}})',
      body: p(
        'Hola {{firstName}}:',
        '¡Felicitaciones! Te adjuntamos tu certificado de <strong>{{title}}</strong> a nombre de <strong>{{holderName}}</strong>: {{hours}} horas, completado el {{completedOn}}.',
        'Número de certificado: <strong>{{certificateNumber}}</strong>.',
        'Cualquier persona (por ejemplo, una empresa donde postules) puede comprobar que es auténtico en este enlace: <a href="{{verifyUrl}}">{{verifyUrl}}</a>',
        'Si ves un error en tu nombre, respóndenos a este correo y te enviaremos una versión corregida con el mismo número.',
        '¡Gracias por aprender con nosotros!<br>El equipo de Aula',
      ),
    },
    en: {
      subject: 'Your certificate for {{title}} ({{certificateNumber}})',
      body: p(
        'Hi {{firstName}},',
        'Congratulations! Attached is your certificate for <strong>{{title}}</strong> in the name of <strong>{{holderName}}</strong>: {{hours}} hours, completed on {{completedOn}}.',
        'Certificate number: <strong>{{certificateNumber}}</strong>.',
        'Anyone (an employer, for instance) can check that it is genuine at this link: <a href="{{verifyUrl}}">{{verifyUrl}}</a>',
        'If your name is misspelled, reply to this email and we will send you a corrected version with the same number.',
        'Thanks for learning with us!<br>The Aula team',
      ),
    },
  },
}
