import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionConfig, CollectionSlug, Field, GlobalAfterChangeHook, GlobalConfig, PayloadRequest } from 'payload'

import { actorOf } from './actor'
import { noteAuthOperation, recordLogin } from './authEvents'
import { diffDocuments } from './diff'
import { personOf } from './person'
import { recordAudit } from './record'
import { recordRoleChange } from './roleChange'

/** Collections whose every create, update and delete is logged (docs/audit.md lists why the others are not). */
export const AUDITED_COLLECTIONS = [
  'enrollments',
  'bookings',
  'payments',
  'coupons',
  'receipts',
  'users',
  'leads',
  'webinars',
  'courses',
  'categories',
  'speakers',
  'certificates',
  'email-templates',
  'email-rules',
  'campaigns',
  'email-suppressions',
  'webhooks',
]

type Doc = Record<string, unknown>

/** Admins only; the component (src/components/audit) renders nothing for anyone else or on create. */
const auditHistoryField: Field = {
  name: 'auditHistory',
  type: 'ui',
  label: { es: 'Historial de cambios', en: 'Change history' },
  admin: { position: 'sidebar', components: { Field: '/src/components/audit/AuditHistoryLink#AuditHistoryLink' } },
}

/** The sanitized fields, with the ones Payload adds itself (an auth collection's `email`). */
const fieldsOf = (req: PayloadRequest, slug: string): Field[] => req.payload.collections[slug as CollectionSlug]?.config.fields ?? []

const logChange =
  (slug: string): CollectionAfterChangeHook =>
  async ({ data, doc, previousDoc, operation, req }) => {
    const fields = fieldsOf(req, slug)
    // Payload's forgot-password stores a fresh token through an update: the request itself is the event (the token is never logged).
    if (slug === 'users' && operation === 'update' && typeof data?.resetPasswordToken === 'string' && data.resetPasswordToken) {
      await recordAudit(req, { action: 'password_reset_requested', collectionSlug: slug, documentId: doc.id, personId: Number(doc.id) })
    }
    const before = operation === 'create' ? null : (previousDoc as Doc)
    const changes = diffDocuments(fields, before, doc as Doc)
    // An update that changed nothing anyone can read (only counters or timestamps) says nothing worth keeping.
    if (operation === 'update' && changes.length === 0) return doc
    await recordAudit(req, { action: operation, collectionSlug: slug, documentId: doc.id, personId: personOf(slug, doc as Doc), changes })
    if (slug === 'users') await recordRoleChange(req, doc as Doc, before)
    return doc
  }

const logDelete =
  (slug: string): CollectionAfterDeleteHook =>
  async ({ doc, id, req }) => {
    const changes = diffDocuments(fieldsOf(req, slug), doc as Doc, null)
    // A deleted user is no longer there to point at (the column is a foreign key): the document id keeps who it was.
    const personId = slug === 'users' ? null : personOf(slug, doc as Doc)
    const actor = actorOf(req)
    const deletedThemself = slug === 'users' && actor.userId !== undefined && String(actor.userId) === String(id)
    await recordAudit(req, { action: 'delete', collectionSlug: slug, documentId: id, personId, changes, actor: deletedThemself ? { kind: 'user', userId: null, label: `user:${id}` } : actor })
  }

/** Logs every create, update and delete of the collection in the change's own transaction (src/audit/record.ts). */
export function withAuditLog(collection: CollectionConfig): CollectionConfig {
  return {
    ...collection,
    fields: [...collection.fields, auditHistoryField],
    hooks: {
      ...collection.hooks,
      ...(collection.auth ? authHooks(collection) : {}),
      afterChange: [...(collection.hooks?.afterChange ?? []), logChange(collection.slug)],
      afterDelete: [...(collection.hooks?.afterDelete ?? []), logDelete(collection.slug)],
    },
  }
}

/** Logins and password resets of an auth collection (src/audit/authEvents.ts; failed logins are the root afterError's). */
const authHooks = (collection: CollectionConfig) => ({
  beforeOperation: [noteAuthOperation, ...(collection.hooks?.beforeOperation ?? [])],
  afterLogin: [...(collection.hooks?.afterLogin ?? []), recordLogin],
})

/** The audited collections get withAuditLog; the rest pass through unchanged. */
export const withAuditLogWhereListed = (collection: CollectionConfig): CollectionConfig => (AUDITED_COLLECTIONS.includes(collection.slug) ? withAuditLog(collection) : collection)

/** Logs every change to a settings global, with the fields that changed. */
export function withGlobalAuditLog(global: GlobalConfig): GlobalConfig {
  const logGlobalChange: GlobalAfterChangeHook = async ({ doc, previousDoc, req }) => {
    const fields = req.payload.config.globals.find((candidate) => candidate.slug === global.slug)?.fields ?? global.fields
    const changes = diffDocuments(fields, (previousDoc as Doc) ?? {}, doc as Doc)
    if (changes.length) await recordAudit(req, { action: 'update', collectionSlug: global.slug, documentId: null, changes })
    return doc
  }
  return { ...global, fields: [...global.fields, auditHistoryField], hooks: { ...global.hooks, afterChange: [...(global.hooks?.afterChange ?? []), logGlobalChange] } }
}
