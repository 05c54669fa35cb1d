import { sql } from '@payloadcms/db-postgres/drizzle'
import type { PayloadRequest } from 'payload'

import { drizzleFor, rowsOf } from '../email/database'
import { getClock } from '../utilities/clock'
import { NOTIFICATIONS_CHANNEL } from './channel'
import { isNotificationKind, type NotificationKind } from './kinds'
import { rolesForKind } from './settings'

export interface NotifyInput {
  kind: NotificationKind
  /** Given users (filtered by the kind's roles setting and each user's mutes), or everyone whose role receives the kind. */
  to: number[] | 'byRole'
  title: { es: string; en: string }
  body: { es: string; en: string }
  link?: string
  document?: { collection: string; id: number | string }
  /** Once per recipient per key, ever (e.g. `item_nearly_full:webinars:12`). */
  dedupeKey?: string
}

const userIdOf = (value: unknown): number | null => {
  const raw = value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value
  const id = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw
  return typeof id === 'number' && Number.isInteger(id) && id > 0 && id <= 2_147_483_647 ? id : null
}

/** The bell renders `link` as an href: an admin path or an http(s) URL, never `javascript:` or a protocol-relative `//host`. */
const safeLink = (link: string | undefined) =>
  link && ((link.startsWith('/') && !link.startsWith('//') && !link.startsWith('/\\')) || /^https?:\/\//i.test(link)) ? link.slice(0, 2000) : null

const TITLE_MAX = 300
const BODY_MAX = 2000
/** One language missing falls back to the other, so a trigger's slip never fails the change it reports. */
const textIn = (pair: { es?: string; en?: string } | undefined, language: 'es' | 'en', max: number) => {
  const text = String((language === 'en' ? (pair?.en ?? pair?.es) : (pair?.es ?? pair?.en)) ?? '')
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

/**
 * Creates the kind's notifications for their recipients, in the caller's transaction, and returns how
 * many rows were created. One INSERT … SELECT picks the recipients (role setting, mutes, language) so a
 * user who no longer exists simply is not selected; `ON CONFLICT DO NOTHING` keeps a repeated dedupe key
 * from aborting the caller's transaction. `pg_notify` in the same statement is delivered to listeners
 * (src/notifications/stream) only when the transaction commits, and never after a rollback.
 */
export async function notify(req: PayloadRequest, input: NotifyInput): Promise<number> {
  // Relationship values reach callers as ids, numeric strings or populated documents: all mean the same person.
  const explicit = input.to === 'byRole' ? null : [...new Set(input.to.map(userIdOf).filter((id): id is number => id !== null))]
  if (explicit && explicit.length === 0) return 0
  if (!isNotificationKind(input.kind)) {
    req.payload.logger.error({ msg: 'notify() called with an unknown kind; nothing sent', kind: input.kind })
    return 0
  }
  const roles = await rolesForKind(req.payload, input.kind, req)
  if (roles.length === 0) return 0

  const db = await drizzleFor(req)
  const now = getClock(req.payload).now()
  const recipients = explicit ? sql`AND u.id IN (SELECT jsonb_array_elements_text(${JSON.stringify(explicit)}::jsonb)::int)` : sql``
  const created = rowsOf<{ id: number }>(
    await db.execute(sql`
      WITH inserted AS (
        INSERT INTO notifications (recipient_id, kind, title, body, link, document_collection, document_id, dedupe_key, updated_at, created_at)
        SELECT u.id, ${input.kind}::enum_notifications_kind,
               CASE WHEN u.language = 'en' THEN ${textIn(input.title, 'en', TITLE_MAX)} ELSE ${textIn(input.title, 'es', TITLE_MAX)} END,
               CASE WHEN u.language = 'en' THEN ${textIn(input.body, 'en', BODY_MAX)} ELSE ${textIn(input.body, 'es', BODY_MAX)} END,
               ${safeLink(input.link)}, ${input.document?.collection ?? null}, ${input.document ? String(input.document.id) : null},
               ${input.dedupeKey ?? null}, ${now}, ${now}
          FROM users u
         WHERE EXISTS (SELECT 1 FROM users_roles r WHERE r.parent_id = u.id AND r.value::text IN (SELECT jsonb_array_elements_text(${JSON.stringify(roles)}::jsonb)))
           AND NOT EXISTS (SELECT 1 FROM users_muted_notifications m WHERE m.parent_id = u.id AND m.value::text = ${input.kind})
           ${recipients}
        ON CONFLICT (recipient_id, dedupe_key) DO NOTHING
        RETURNING id, recipient_id
      )
      SELECT id, pg_notify(${NOTIFICATIONS_CHANNEL}, json_build_object('id', id, 'recipient', recipient_id)::text) FROM inserted`),
  )
  return created.length
}
