import type { CollectionSlug } from 'payload'

/**
 * Documents an email can be about (`email-log.relatedDocument`). Add a slug here when its
 * collection exists (`enrollments`, `leads`, `webinars`, `courses`).
 */
export const EMAIL_RELATED_COLLECTIONS: CollectionSlug[] = ['users', 'enrollments', 'payments', 'leads']
