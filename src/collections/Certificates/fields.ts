import type { Field, FieldAccess } from 'payload'

import { staffReadsField } from './access'

const nobody: FieldAccess = () => false
/** Every field is written by src/certificates only (issue, revoke, reissue); the API writes none. */
const serverOnly = { create: nobody, update: nobody }
const readOnly = { readOnly: true }

export const certificateFields: Field[] = [
  {
    type: 'row',
    fields: [
      { name: 'number', type: 'text', required: true, unique: true, label: { es: 'Número', en: 'Number' }, access: serverOnly, admin: readOnly },
      {
        name: 'status',
        type: 'select',
        required: true,
        defaultValue: 'valid',
        index: true,
        options: [
          { value: 'valid', label: { es: 'Válido', en: 'Valid' } },
          { value: 'revoked', label: { es: 'Revocado', en: 'Revoked' } },
        ],
        label: { es: 'Estado', en: 'Status' },
        access: serverOnly,
        admin: readOnly,
      },
      { name: 'version', type: 'number', required: true, defaultValue: 1, label: { es: 'Versión', en: 'Version' }, access: serverOnly, admin: readOnly },
    ],
  },
  {
    type: 'row',
    fields: [
      { name: 'enrollment', type: 'relationship', relationTo: 'enrollments', required: true, index: true, label: { es: 'Inscripción', en: 'Enrollment' }, access: serverOnly, admin: readOnly },
      { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true, label: { es: 'Persona', en: 'Person' }, access: serverOnly, admin: readOnly },
      { name: 'item', type: 'relationship', relationTo: ['webinars', 'courses'], required: true, label: { es: 'Webinar o curso', en: 'Webinar or course' }, access: serverOnly, admin: readOnly },
    ],
  },
  {
    type: 'collapsible',
    label: { es: 'Lo que dice el certificado', en: 'What the certificate says' },
    // A snapshot taken at issue (and at each reissue): later edits of the person or the item never rewrite it.
    fields: [
      {
        type: 'row',
        fields: [
          { name: 'holderName', type: 'text', required: true, label: { es: 'Nombre impreso', en: 'Printed name' }, access: serverOnly, admin: readOnly },
          { name: 'itemTitle', type: 'text', required: true, label: { es: 'Título', en: 'Title' }, access: serverOnly, admin: readOnly },
          { name: 'hours', type: 'number', label: { es: 'Horas', en: 'Hours' }, access: serverOnly, admin: readOnly },
        ],
      },
      {
        type: 'row',
        fields: [
          { name: 'completedOn', type: 'text', label: { es: 'Completado el', en: 'Completed on' }, access: serverOnly, admin: { readOnly: true, components: { Field: '/src/components/certificates/DayField#DayField' } } },
          { name: 'issuedOn', type: 'text', label: { es: 'Emitido el', en: 'Issued on' }, access: serverOnly, admin: { readOnly: true, components: { Field: '/src/components/certificates/DayField#DayField' } } },
          {
            name: 'language',
            type: 'select',
            defaultValue: 'es',
            options: [
              { value: 'es', label: { es: 'Español', en: 'Spanish' } },
              { value: 'en', label: { es: 'Inglés', en: 'English' } },
            ],
            label: { es: 'Idioma', en: 'Language' },
            access: serverOnly,
            admin: readOnly,
          },
        ],
      },
      {
        type: 'row',
        fields: [
          { name: 'signatoryName', type: 'text', label: { es: 'Firmante', en: 'Signatory' }, access: serverOnly, admin: readOnly },
          { name: 'signatoryTitle', type: 'text', label: { es: 'Cargo del firmante', en: 'Signatory title' }, access: serverOnly, admin: readOnly },
        ],
      },
    ],
  },
  {
    // The holder needs it: it is the address on their PDF's QR code and in their email.
    name: 'verificationCode',
    type: 'text',
    required: true,
    unique: true,
    label: { es: 'Código de verificación', en: 'Verification code' },
    access: serverOnly,
    admin: { readOnly: true, position: 'sidebar' },
  },
  { name: 'issuedAt', type: 'date', required: true, label: { es: 'Emitido', en: 'Issued' }, access: serverOnly, admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } } },
  {
    name: 'origin',
    type: 'select',
    defaultValue: 'automatic',
    options: [
      { value: 'automatic', label: { es: 'Automático (al completar)', en: 'Automatic (on completion)' } },
      { value: 'manual', label: { es: 'Manual (por el equipo)', en: 'Manual (by staff)' } },
    ],
    label: { es: 'Origen', en: 'Origin' },
    access: serverOnly,
    admin: { readOnly: true, position: 'sidebar' },
  },
  { name: 'issuedBy', type: 'relationship', relationTo: 'users', label: { es: 'Emitido por', en: 'Issued by' }, access: { ...serverOnly, read: staffReadsField }, admin: { readOnly: true, position: 'sidebar' } },
  { name: 'note', type: 'textarea', maxLength: 1000, label: { es: 'Nota interna', en: 'Internal note' }, access: { ...serverOnly, read: staffReadsField }, admin: readOnly },
  {
    type: 'collapsible',
    label: { es: 'Revocación', en: 'Revocation' },
    admin: { condition: (data) => data?.status === 'revoked' },
    fields: [
      { name: 'revokedReason', type: 'textarea', maxLength: 1000, label: { es: 'Motivo', en: 'Reason' }, access: serverOnly, admin: readOnly },
      { name: 'revokedAt', type: 'date', label: { es: 'Revocado el', en: 'Revoked at' }, access: serverOnly, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
      { name: 'revokedBy', type: 'relationship', relationTo: 'users', label: { es: 'Revocado por', en: 'Revoked by' }, access: { ...serverOnly, read: staffReadsField }, admin: readOnly },
    ],
  },
  {
    // This version's PDF (src/certificates/pdf); holders also download it at /api/certificates/:id/pdf.
    name: 'pdf',
    type: 'upload',
    relationTo: 'certificate-files',
    label: { es: 'PDF', en: 'PDF' },
    access: serverOnly,
    admin: readOnly,
  },
  {
    // The compact JWS of the Open Badges 3.0 credential (src/certificates/credential), re-signed on reissue.
    name: 'credential',
    type: 'textarea',
    label: { es: 'Credencial firmada (Open Badges 3.0)', en: 'Signed credential (Open Badges 3.0)' },
    access: serverOnly,
    admin: { readOnly: true, components: { Field: '/src/components/certificates/CredentialField#CredentialField' } },
  },
  {
    // The enrollment id while the certificate is valid, empty once revoked. Its unique index is the
    // database's guarantee of at most one valid certificate per enrollment.
    name: 'validKey',
    type: 'text',
    unique: true,
    admin: { hidden: true },
    access: { read: nobody, ...serverOnly },
  },
]
