import type { PayloadRequest } from 'payload'

import { queueEmail } from '../../../email/queueEmail'
import { formatWithZone } from '../../../utilities/localTime'
import { getBusinessSettings } from '../../../settings/businessSettings'
import type { Doc } from '../types'

/** Where the email's link points: the download, which asks for the person's login. */
export const privacyExportDownloadUrl = (req: PayloadRequest, exportId: number) =>
  `${req.payload.config.serverURL}${req.payload.config.routes.api}/privacy-exports/${exportId}/download`

/** `privacy_export_ready` to the account's address, in their language, once per export. */
export async function queueExportReadyEmail(req: PayloadRequest, { exportId, user, expiresAt }: { exportId: number; user: Doc; expiresAt: Date }) {
  const language = user.language === 'en' ? 'en' : 'es'
  const timezone = user.timezone || (await getBusinessSettings(req.payload, req)).timezone
  await queueEmail(req, {
    templateKey: 'privacy_export_ready',
    to: { email: String(user.email), language },
    dedupeKey: `privacy_export_ready:export-${exportId}`,
    relatedDocument: { relationTo: 'users', value: user.id },
    variables: {
      firstName: user.firstName ?? '',
      lastName: user.lastName ?? '',
      email: String(user.email),
      downloadUrl: privacyExportDownloadUrl(req, exportId),
      expiresAt: formatWithZone(expiresAt, timezone, language),
    },
  })
}
