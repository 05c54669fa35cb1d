import type { PayloadRequest } from 'payload'

import { registerEmailGuard } from '../../email/guards'
import { queueEmail } from '../../email/queueEmail'
import { formatAmount } from '../../payments/money'
import { receiptPdfBytes } from './pdf'
import type { ReceiptDoc } from './types'
import { methodName, receiptLanguage } from './wording'

const idOf = (value: unknown): number => Number(typeof value === 'object' && value ? (value as { id: number }).id : value)

/** One email per receipt or credit note, ever. */
export const receiptEmailKey = (receipt: Pick<ReceiptDoc, 'id' | 'kind'>) => `${receipt.kind === 'credit_note' ? 'credit_note_issued' : 'receipt_issued'}:receipt-${receipt.id}`
const KEY_PATTERN = /^(?:receipt_issued|credit_note_issued):receipt-(\d+)$/

/** Without the item part ("Webinar: ") the subject reads naturally; a credit note's line names the receipt it corrects. */
const titleOf = (receipt: ReceiptDoc) => {
  const line = String(receipt.lines?.[0]?.description ?? '')
  const inner = /\(([^()]*)\)$/.exec(line)?.[1] ?? line
  return inner.replace(/^(Webinar|Curso|Course): /, '')
}

/** Mails the receipt (or credit note) to its buyer, in the receipt's language; the PDF is attached at send time. */
export async function queueReceiptEmail(req: PayloadRequest, receipt: ReceiptDoc): Promise<void> {
  const email = receipt.buyer?.email
  if (!email) return
  const language = receiptLanguage(receipt.language)
  const [firstName, ...rest] = String(receipt.buyer?.name ?? '').split(' ')
  const credited = receipt.creditFor ? await req.payload.findByID({ collection: 'receipts', id: idOf(receipt.creditFor), depth: 0, overrideAccess: true, disableErrors: true, req }) : null
  await queueEmail(req, {
    templateKey: receipt.kind === 'credit_note' ? 'credit_note_issued' : 'receipt_issued',
    to: { email, language },
    dedupeKey: receiptEmailKey(receipt),
    relatedDocument: { relationTo: 'payments', value: idOf(receipt.payment) },
    variables: {
      firstName: firstName ?? '',
      lastName: rest.join(' '),
      email,
      title: titleOf(receipt),
      amount: formatAmount(Number(receipt.total), receipt.currency),
      currency: receipt.currency,
      receiptNumber: receipt.number,
      ...(receipt.kind === 'credit_note'
        ? { creditedReceiptNumber: credited?.number ?? '', reason: receipt.reason ?? '' }
        : { paymentMethod: methodName(receipt.method, language) }),
    },
  })
}

/** At send time the PDF is drawn from the receipt's frozen snapshot and attached (the email log keeps no PDF bytes). */
export function registerReceiptEmailGuards(): void {
  for (const key of ['receipt_issued', 'credit_note_issued'] as const) {
    registerEmailGuard(key, async ({ log, req }) => {
      const match = KEY_PATTERN.exec(String(log.dedupeKey))
      if (!match) return { send: true }
      const receipt = await req.payload.findByID({ collection: 'receipts', id: Number(match[1]), depth: 0, overrideAccess: true, disableErrors: true, req })
      if (!receipt) return { send: false, reason: 'the receipt no longer exists' }
      const bytes = await receiptPdfBytes(receipt as unknown as ReceiptDoc)
      return { send: true, attachments: [{ filename: `${receipt.number}.pdf`, content: Buffer.from(bytes), contentType: 'application/pdf' }] }
    })
  }
}
