import { adminLanguage } from '../../i18n/say'

const labels = {
  es: {
    issue: { button: 'Emitir certificado', title: 'Emitir certificado a mano', explain: 'Se emitirá un certificado con el siguiente número del año, se generará el PDF y se enviará por correo a la persona. Escribe por qué lo emites a mano (queda como nota interna).', field: 'Nota (obligatoria)', confirm: 'Emitir' },
    reissue: { button: 'Reemitir', title: 'Reemitir certificado', explain: 'Corrige primero el nombre de la persona en su cuenta. El certificado conservará su número, subirá de versión, se generará un PDF nuevo y se enviará de nuevo por correo.', field: 'Qué se corrigió (opcional)', confirm: 'Reemitir' },
    revoke: { button: 'Revocar', title: 'Revocar certificado', explain: 'La verificación pública dirá que el certificado fue revocado. El número no se reutiliza. Escribe el motivo.', field: 'Motivo (obligatorio)', confirm: 'Revocar' },
    cancel: 'Cancelar',
    required: 'Este campo es obligatorio.',
    open: 'Ver certificado',
  },
  en: {
    issue: { button: 'Issue certificate', title: 'Issue a certificate by hand', explain: "A certificate is issued with the year's next number; its PDF is generated and emailed to the person. Say why you issue it by hand (kept as an internal note).", field: 'Note (required)', confirm: 'Issue' },
    reissue: { button: 'Reissue', title: 'Reissue certificate', explain: "Correct the person's name in their account first. The certificate keeps its number, its version rises, a new PDF is generated and emailed again.", field: 'What was corrected (optional)', confirm: 'Reissue' },
    revoke: { button: 'Revoke', title: 'Revoke certificate', explain: 'The public verification will say the certificate was revoked. Its number is never reused. Give the reason.', field: 'Reason (required)', confirm: 'Revoke' },
    cancel: 'Cancel',
    required: 'This field is required.',
    open: 'Open certificate',
  },
}

export type CertificateActionLabels = (typeof labels)['es']['issue']
export const certificateLabelsFor = (language: string) => labels[adminLanguage(language)]
