import type { CollectionConfig } from 'payload'

import { isAdmin, nobody } from '../../access'
import { answerUnknownFileWith404 } from '../../storage/answerUnknownFileWith404'
import { readPrivacyExports } from './access'
import { downloadPrivacyExportEndpoint } from './endpoints/download'
import { privacyExportFields } from './fields'
import { refuseExpiredFile } from './refuseExpiredFile'

/**
 * Zips a person asked for with "export my data" (src/privacy/export/selfService): private uploads
 * (S3 when configured) read by their owner and admins only, made and changed only by Aula's job,
 * deleted after 7 days by a daily job (docs/privacy.md). An admin may delete one sooner.
 */
export const PrivacyExports: CollectionConfig = {
  slug: 'privacy-exports',
  labels: {
    singular: { es: 'Exportación de datos personales', en: 'Personal data export' },
    plural: { es: 'Exportaciones de datos personales', en: 'Personal data exports' },
  },
  admin: {
    group: { es: 'Administración', en: 'Administration' },
    defaultColumns: ['owner', 'status', 'requestedAt', 'expiresAt'],
    useAsTitle: 'filename',
  },
  access: { read: readPrivacyExports, create: nobody, update: nobody, delete: isAdmin },
  upload: {
    // The config factory points this at MEDIA_DIR.
    staticDir: 'media',
    mimeTypes: ['application/zip'],
    // The row exists from the request on ("being prepared"); the job adds the file.
    filesRequiredOnCreate: false,
    // A name no row holds is a 404; an expired zip a 410, even before the daily job deletes it.
    handlers: [answerUnknownFileWith404('privacy-exports'), refuseExpiredFile],
  },
  // GET /api/privacy-exports/:id/download: the zip, for its owner (the link in the email) and admins.
  endpoints: [downloadPrivacyExportEndpoint],
  fields: privacyExportFields,
}
