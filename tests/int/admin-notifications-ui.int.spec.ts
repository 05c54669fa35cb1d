import { describe, expect, it } from '@jest/globals'

import { auditHistoryHref } from '../../src/components/audit/auditHistoryHref'
import { bellLabelsFor, timeAgo } from '../../src/components/notifications/labels'

/**
 * The words and links of the bell and the history link, without a browser (the browser walk is
 * tests/e2e/notifications.e2e.spec.ts).
 */
describe('the change-history link', () => {
  it('a document links to the audit log filtered to its collection and id', () => {
    expect(auditHistoryHref('/admin', { collectionSlug: 'leads', id: 12 })).toBe(
      '/admin/collections/audit-log?where[collectionSlug][equals]=leads&where[documentId][equals]=12',
    )
  })

  it('a settings global links to all of its entries, which have no document id', () => {
    expect(auditHistoryHref('/admin/', { globalSlug: 'business-settings' })).toBe('/admin/collections/audit-log?where[collectionSlug][equals]=business-settings')
  })

  it('a document not yet saved has no history, and an id cannot smuggle another filter into the URL', () => {
    expect(auditHistoryHref('/admin', { collectionSlug: 'leads' })).toBeNull()
    expect(auditHistoryHref('/admin', { collectionSlug: 'leads', id: '' })).toBeNull()
    expect(auditHistoryHref('/admin', { collectionSlug: 'leads', id: '1&where[actor][exists]=false' })).toBe(
      '/admin/collections/audit-log?where[collectionSlug][equals]=leads&where[documentId][equals]=1%26where%5Bactor%5D%5Bexists%5D%3Dfalse',
    )
  })
})

describe('the bell’s words', () => {
  const now = new Date('2026-11-30T18:00:00Z')
  const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString()

  it('says how long ago in the person’s language, not the browser’s', () => {
    expect(timeAgo(ago(10), now, 'es')).toBe('hace un momento')
    expect(timeAgo(ago(5 * 60), now, 'es')).toBe('hace 5 minutos')
    expect(timeAgo(ago(3 * 3600), now, 'es')).toBe('hace 3 horas')
    expect(timeAgo(ago(26 * 3600), now, 'es')).toBe('ayer')
    expect(timeAgo(ago(10), now, 'en')).toBe('just now')
    expect(timeAgo(ago(5 * 60), now, 'en')).toBe('5 minutes ago')
  })

  it('names the unread count in Spanish unless the person’s language is English', () => {
    expect(bellLabelsFor('es').bell(0)).toBe('Notificaciones')
    expect(bellLabelsFor('es').bell(1)).toBe('Notificaciones: 1 sin leer')
    expect(bellLabelsFor(undefined).bell(4)).toBe('Notificaciones: 4 sin leer')
    expect(bellLabelsFor('en').bell(4)).toBe('Notifications: 4 unread')
    expect(bellLabelsFor('es').markAllRead).toBe('Marcar todo como leído')
  })
})
