import type { EmailLocale } from '../../email/templateVariables'

type Copy = { subject: string; body: string }

const p = (...lines: string[]) => lines.map((line) => `<p>${line}</p>`).join('\n')

/** The starting text of the receipt emails (seeded with the others by src/seed/emailTemplates.ts). */
export const RECEIPT_TEMPLATES: Record<'receipt_issued' | 'credit_note_issued', Record<EmailLocale, Copy>> = {
  receipt_issued: {
    es: {
      subject: 'Tu comprobante de pago {{receiptNumber}}',
      body: p(
        'Hola {{firstName}}:',
        'Recibimos tu pago de <strong>{{amount}} {{currency}}</strong> ({{paymentMethod}}) por <strong>{{title}}</strong>. Te adjuntamos el comprobante <strong>{{receiptNumber}}</strong> en PDF.',
        'Guárdalo para tu contabilidad. Si necesitas corregir algún dato de facturación, respóndenos a este correo.',
        '¡Gracias!<br>El equipo de Aula',
      ),
    },
    en: {
      subject: 'Your receipt {{receiptNumber}}',
      body: p(
        'Hi {{firstName}},',
        'We received your payment of <strong>{{amount}} {{currency}}</strong> ({{paymentMethod}}) for <strong>{{title}}</strong>. Receipt <strong>{{receiptNumber}}</strong> is attached as a PDF.',
        'Keep it for your records. If any billing detail needs correcting, reply to this email.',
        'Thank you!<br>The Aula team',
      ),
    },
  },
  credit_note_issued: {
    es: {
      subject: 'Nota de crédito {{receiptNumber}} por tu reembolso',
      body: p(
        'Hola {{firstName}}:',
        'Te devolvimos <strong>{{amount}} {{currency}}</strong> de tu pago por <strong>{{title}}</strong>. Te adjuntamos la nota de crédito <strong>{{receiptNumber}}</strong>, que corrige el comprobante {{creditedReceiptNumber}}.',
        'El dinero vuelve por el mismo medio con el que pagaste; según tu banco puede tardar unos días en verse.',
        'Un saludo,<br>El equipo de Aula',
      ),
    },
    en: {
      subject: 'Credit note {{receiptNumber}} for your refund',
      body: p(
        'Hi {{firstName}},',
        'We refunded <strong>{{amount}} {{currency}}</strong> of your payment for <strong>{{title}}</strong>. Credit note <strong>{{receiptNumber}}</strong> is attached; it corrects receipt {{creditedReceiptNumber}}.',
        'The money goes back the way you paid; depending on your bank it may take a few days to show.',
        'Best,<br>The Aula team',
      ),
    },
  },
}
