import type { CollectionConfig } from 'payload'

import { isContentEditor, isStaff } from '../../access'
import { previewDesign } from './endpoints/previewDesign'
import { certificateDesignFields } from './fields'
import { checkDesignImages } from './hooks/checkDesignImages'
import { setScopeKey } from './hooks/setScopeKey'

/**
 * How certificates look: one design per webinar or course, per category, and a default
 * (src/certificates/pdf/resolveDesign.ts picks). Editors and admins write them; staff read them.
 */
export const CertificateDesigns: CollectionConfig = {
  slug: 'certificate-designs',
  labels: {
    singular: { es: 'Diseño de certificado', en: 'Certificate design' },
    plural: { es: 'Diseños de certificado', en: 'Certificate designs' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'scope', 'category', 'item', 'signatoryName', 'updatedAt'],
    // Beside the certificates they shape.
    group: { es: 'Inscripciones', en: 'Enrollments' },
  },
  access: { read: isStaff, create: isContentEditor, update: isContentEditor, delete: isContentEditor },
  endpoints: [previewDesign],
  hooks: { beforeChange: [setScopeKey, checkDesignImages] },
  fields: certificateDesignFields,
}
