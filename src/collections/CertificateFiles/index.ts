import type { CollectionConfig, FieldAccess } from 'payload'

import { nobody } from '../../access'
import { readCertificateFiles } from './access'
import { answerUnknownFileWith404 } from './answerUnknownFileWith404'

const serverOnly: { create: FieldAccess; update: FieldAccess } = { create: () => false, update: () => false }

/**
 * The PDF of each certificate version, as an upload so that S3 storage (src/storage) keeps it when the
 * deployment has a bucket. Only src/certificates/pdf writes here (Local API); the REST/GraphQL API
 * can read (as the certificate's readers) but never create, change or delete a file.
 */
export const CertificateFiles: CollectionConfig = {
  slug: 'certificate-files',
  labels: {
    singular: { es: 'PDF de certificado', en: 'Certificate PDF' },
    plural: { es: 'PDF de certificados', en: 'Certificate PDFs' },
  },
  admin: {
    // Beside the certificates they shape.
    group: { es: 'Inscripciones', en: 'Enrollments' },
    defaultColumns: ['filename', 'number', 'version', 'holder', 'createdAt'],
    useAsTitle: 'filename',
  },
  access: { read: readCertificateFiles, create: nobody, update: nobody, delete: nobody },
  upload: {
    // The config factory points this at MEDIA_DIR.
    staticDir: 'media',
    mimeTypes: ['application/pdf'],
    handlers: [answerUnknownFileWith404],
  },
  fields: [
    { name: 'certificate', type: 'relationship', relationTo: 'certificates', required: true, index: true, label: { es: 'Certificado', en: 'Certificate' }, access: serverOnly, admin: { readOnly: true } },
    { name: 'number', type: 'text', required: true, index: true, maxLength: 40, label: { es: 'Número', en: 'Number' }, access: serverOnly, admin: { readOnly: true } },
    { name: 'version', type: 'number', required: true, label: { es: 'Versión', en: 'Version' }, access: serverOnly, admin: { readOnly: true } },
    // Copied from the certificate so that read access is a plain `where` on this row (no join per file request).
    { name: 'holder', type: 'relationship', relationTo: 'users', required: true, index: true, label: { es: 'Titular', en: 'Holder' }, access: serverOnly, admin: { readOnly: true } },
    { name: 'item', type: 'relationship', relationTo: ['webinars', 'courses'], required: true, label: { es: 'Webinar o curso', en: 'Webinar or course' }, access: serverOnly, admin: { readOnly: true } },
  ],
}
