import { createHash } from 'node:crypto'
import type { PayloadRequest } from 'payload'

import { queueEmail } from '../../email/queueEmail'
import type { EmailLocale } from '../../email/templateVariables'
import { inTransaction } from '../../enrollment/transaction'
import type { ParticipantItem } from '../listParticipants'
import { messageVariables, type StaffMessage } from './compose'

/** A test to oneself, one email per language written; the same text twice (a double click) is one email. */
export async function sendTestMessage(req: PayloadRequest, item: ParticipantItem, message: StaffMessage) {
  const me = req.user as unknown as { id: number; firstName?: string; lastName?: string; email: string }
  const sent: { locale: EmailLocale; emailLogId: number; queued: boolean }[] = []
  await inTransaction(req, async () => {
    for (const locale of Object.keys(message) as EmailLocale[]) {
      const fingerprint = createHash('sha256').update(JSON.stringify([item.collection, item.id, message[locale]])).digest('hex').slice(0, 32)
      const result = await queueEmail(req, {
        templateKey: 'participants_message',
        to: { email: me.email, language: locale },
        dedupeKey: `participants_message:test:user-${me.id}:${fingerprint}:${locale}`,
        relatedDocument: { relationTo: 'users', value: me.id },
        variables: messageVariables(message, locale, item, { firstName: me.firstName ?? '', lastName: me.lastName ?? '', email: me.email }),
      })
      sent.push({ locale, ...result })
    }
  })
  return { to: me.email, sent }
}
