import type { EmailLocale } from '../../../email/templateVariables'

type Copy = { subject: string; body: string }

const p = (...lines: string[]) => lines.map((line) => `<p>${line}</p>`).join('\n')

/** The starting text of the "your data is ready" email (seeded with the others by src/seed/emailTemplates.ts). */
export const PRIVACY_EXPORT_TEMPLATES: Record<'privacy_export_ready', Record<EmailLocale, Copy>> = {
  privacy_export_ready: {
    es: {
      subject: 'Tus datos personales están listos para descargar',
      body: p(
        'Hola {{firstName}}:',
        'Preparamos la copia de los datos personales que Aula guarda sobre ti, como pediste: tu perfil, inscripciones, pagos, comprobantes, certificados, correos que te enviamos y tus consentimientos.',
        '<a href="{{downloadUrl}}">Descargar mis datos</a>',
        'Para descargarla tienes que iniciar sesión con tu cuenta ({{email}}). El enlace funciona hasta el {{expiresAt}}; después la copia se borra y puedes pedir otra.',
        'Si no pediste esta copia, cambia tu contraseña y escríbenos respondiendo a este correo.',
        'Un saludo,<br>El equipo de Aula',
      ),
    },
    en: {
      subject: 'Your personal data is ready to download',
      body: p(
        'Hi {{firstName}},',
        'We have prepared the copy of the personal data Aula holds about you, as you asked: your profile, enrollments, payments, receipts, certificates, the emails we sent you and your consents.',
        '<a href="{{downloadUrl}}">Download my data</a>',
        'To download it you need to log in with your account ({{email}}). The link works until {{expiresAt}}; after that the copy is deleted and you can ask for another.',
        'If you did not ask for this copy, change your password and tell us by replying to this email.',
        'Best regards,<br>The Aula team',
      ),
    },
  },
}
