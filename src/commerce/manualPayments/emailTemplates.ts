import type { EmailLocale } from '../../email/templateVariables'

type Copy = { subject: string; body: string }

const p = (...lines: string[]) => lines.map((line) => `<p>${line}</p>`).join('\n')

/** The starting text of the bank-transfer email (seeded with the others by src/seed/emailTemplates.ts). */
export const BANK_TRANSFER_TEMPLATES: Record<'bank_transfer_instructions', Record<EmailLocale, Copy>> = {
  bank_transfer_instructions: {
    es: {
      subject: 'Reservamos tu lugar en {{title}}: datos para la transferencia ({{reference}})',
      body: p(
        'Hola {{firstName}}:',
        'Guardamos {{seats}} cupo(s) en <strong>{{title}}</strong> hasta el <strong>{{holdExpiresAt}}</strong>, a la espera de tu transferencia.',
        'Importe a transferir: <strong>{{amount}} {{currency}}</strong>.',
        'Indica esta referencia en el concepto o glosa de la transferencia, para que podamos identificar tu pago: <strong>{{reference}}</strong>',
        'Datos bancarios:<br>{{bankDetails}}',
        'Cuando registremos el pago te enviaremos la confirmación y el comprobante. Si el plazo vence sin recibir la transferencia, los cupos se liberan.',
        'Gracias,<br>El equipo de Aula',
      ),
    },
    en: {
      subject: 'Your seat at {{title}} is held: bank transfer details ({{reference}})',
      body: p(
        'Hi {{firstName}},',
        'We are holding {{seats}} seat(s) at <strong>{{title}}</strong> until <strong>{{holdExpiresAt}}</strong>, waiting for your bank transfer.',
        'Amount to transfer: <strong>{{amount}} {{currency}}</strong>.',
        'Quote this reference in the transfer so we can match your payment: <strong>{{reference}}</strong>',
        'Bank details:<br>{{bankDetails}}',
        'Once we record the payment you will get the confirmation and the receipt. If the deadline passes without the transfer, the seats are released.',
        'Thank you,<br>The Aula team',
      ),
    },
  },
}
