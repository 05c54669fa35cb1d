/**
 * What a certificate says, frozen when it is issued (and again on reissue). The PDF, the signed
 * credential, the verification answer and the email all render from these facts, never from the
 * live person or item, so a later edit of a course title or a user's name does not rewrite a
 * certificate that was already handed out.
 */
export type CertificateItemCollection = 'webinars' | 'courses'

export type CertificateStatus = 'valid' | 'revoked'

export interface CertificateFacts {
  /** Human-readable, sequential per year, never reused: `AULA-2026-000123`. */
  number: string
  /** Unguessable code in the public verification URL. */
  verificationCode: string
  /** 1 on first issue; rises on every reissue (the number stays). */
  version: number
  status: CertificateStatus
  /** The person's name as printed. */
  holderName: string
  item: { relationTo: CertificateItemCollection; id: number; title: string }
  /** Hours the certificate states (course: its hours; webinar: its duration). */
  hours: number
  /** Calendar date of completion in the item's time zone, `YYYY-MM-DD`. */
  completedOn: string
  /** Calendar date of this version's issue in the business's time zone, `YYYY-MM-DD`. */
  issuedOn: string
  signatoryName: string
  signatoryTitle?: string | null
  /** The holder's language: the PDF's wording and the email follow it. */
  language: 'es' | 'en'
}
