import type { PayloadRequest } from 'payload'

import { queueEmail } from '../../email/queueEmail'
import type { Payment } from '../../payload-types'
import { formatAmount } from '../../payments/money'
import { relationId } from '../../payments/payments'
import { paymentSettings } from '../../payments/settings'
import { escapeHtml } from '../../utilities/escapeHtml'
import type { TransferItem } from './transferItem'

/** The bank details as staff typed them, line breaks kept (the email body is HTML). */
export const bankDetailsHtml = (text: string) => escapeHtml(text).replace(/\r?\n/g, '<br>')

/**
 * "Pay by bank transfer": the bank details, the amount, the reference to quote and the deadline (in the
 * item's zone), to whoever pays (the registrant, or a group's buyer). Once per payment, in the transaction
 * that started the transfer.
 */
export async function queueTransferInstructionsEmail(req: PayloadRequest, payment: Payment, item: TransferItem, bankTransferDetails: string): Promise<void> {
  const user = await req.payload.findByID({ collection: 'users', id: relationId(payment.user)!, req, depth: 0, overrideAccess: true })
  const siteUrl = (req.payload.config.custom?.siteUrl as string | undefined) ?? paymentSettings(req.payload).serverUrl
  await queueEmail(req, {
    templateKey: 'bank_transfer_instructions',
    to: { email: String(user.email), language: (user as { language?: string | null }).language },
    dedupeKey: `bank_transfer_instructions:${payment.id}`,
    relatedDocument: { relationTo: 'payments', value: payment.id },
    variables: {
      firstName: user.firstName ?? '',
      lastName: user.lastName ?? '',
      email: String(user.email),
      title: item.title,
      startsAt: item.startsAt?.toISOString() ?? '',
      timezone: item.timezone,
      itemUrl: `${siteUrl}/${item.collection}/${item.slug ?? item.id}`,
      amount: formatAmount(Number(payment.amount), String(payment.currency)),
      currency: String(payment.currency),
      seats: String(payment.seats ?? 1),
      reference: String(payment.reference),
      holdExpiresAt: String(payment.holdExpiresAt),
      bankDetails: bankDetailsHtml(bankTransferDetails || '—'),
    },
  })
}
