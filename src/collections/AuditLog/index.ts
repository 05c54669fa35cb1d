import type { CollectionConfig } from 'payload'

import { isAdmin, nobody } from '../../access'
import { auditLogFields } from './fields'

/**
 * Who did what (docs/audit.md, docs/decisions/0026-audit-log.md). Written only by recordAudit
 * (src/audit/record.ts) with a raw INSERT in the change's transaction; nobody creates, edits or
 * deletes an entry through REST, GraphQL or the admin, admins included. Old entries go by the
 * retention job (src/audit/deleteExpiredAuditEntries.ts); erasure redacts by SQL (src/privacy).
 */
export const AuditLog: CollectionConfig = {
  slug: 'audit-log',
  labels: {
    singular: { es: 'Registro de auditoría', en: 'Audit log entry' },
    plural: { es: 'Registro de auditoría', en: 'Audit log' },
  },
  // Newest first, in the admin and over the API.
  defaultSort: '-createdAt',
  admin: {
    group: { es: 'Configuración', en: 'Settings' },
    defaultColumns: ['createdAt', 'actor', 'actorKind', 'action', 'collectionSlug', 'documentId'],
    listSearchableFields: ['collectionSlug', 'documentId', 'actorLabel'],
    description: {
      es: 'Quién cambió qué y cuándo. Nadie puede modificar ni borrar estas entradas; se eliminan solas al cumplir el plazo de conservación (Privacidad y auditoría).',
      en: 'Who changed what and when. Nobody can edit or delete these entries; they are removed when the retention period ends (Privacy and audit).',
    },
  },
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  // A document's history (the sidebar link) filters on both; `createdAt` (time) and `actor`/`person` are indexed already.
  indexes: [{ fields: ['collectionSlug', 'documentId'] }],
  fields: auditLogFields,
  timestamps: true,
}
