import type { CollectionConfig } from 'payload'

import { nobody } from '../../access'
import { readCertificates } from './access'
import { downloadPdfEndpoint } from './endpoints/downloadPdf'
import { issueEndpoint, reissueEndpoint, revokeEndpoint } from './endpoints/manage'
import { certificateFields } from './fields'
import { certificateVerificationEndpoints } from '../../certificates/verify/endpoints'

/**
 * Certificates handed out on completion (src/certificates; docs/decisions/0015-certificate-numbers.md).
 * Nothing is written through Payload's API: issue, revoke and reissue are endpoints (and admin
 * buttons) that keep the number, the one-valid-per-enrollment rule, the PDF and the credential together.
 */
export const Certificates: CollectionConfig = {
  slug: 'certificates',
  labels: {
    singular: { es: 'Certificado', en: 'Certificate' },
    plural: { es: 'Certificados', en: 'Certificates' },
  },
  admin: {
    group: { es: 'Inscripciones', en: 'Enrollments' },
    useAsTitle: 'number',
    defaultColumns: ['number', 'holderName', 'itemTitle', 'status', 'version', 'issuedAt'],
    listSearchableFields: ['number', 'holderName', 'itemTitle'],
    components: {
      edit: { beforeDocumentControls: ['/src/components/certificates/CertificateActions#CertificateActions'] },
    },
  },
  defaultSort: '-issuedAt',
  access: {
    read: readCertificates,
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  // Public verification (JSON), the JWKS and the holder's credential download come first, so `jwks` and `verify` are never read as ids.
  endpoints: [...certificateVerificationEndpoints, issueEndpoint, revokeEndpoint, reissueEndpoint, downloadPdfEndpoint],
  fields: certificateFields,
  timestamps: true,
}
