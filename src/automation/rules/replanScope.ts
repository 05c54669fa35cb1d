import { sql, type SQL } from '@payloadcms/db-postgres/drizzle'

import type { EmailRule } from './types'

/** What a re-planning job needs to know of one version of a rule (job inputs are JSON). */
export type ScopeSnapshot = Pick<EmailRule, 'scope' | 'categoryIds' | 'items'>

export const scopeOf = (rule: EmailRule): ScopeSnapshot => ({ scope: rule.scope, categoryIds: rule.categoryIds, items: rule.items })

const ids = (values: number[]) => (values.length ? sql.join(values.map((value) => sql`${value}`), sql`, `) : sql`NULL`)

/**
 * The SQL condition on `r` (an enrollment's `item` row in enrollments_rels) for the items one
 * version of a rule covers. A category is matched through the item's own `category_id`.
 */
function coveredBy(snapshot: ScopeSnapshot): SQL {
  switch (snapshot.scope) {
    case 'all_webinars':
      return sql`r.webinars_id IS NOT NULL`
    case 'all_courses':
      return sql`r.courses_id IS NOT NULL`
    case 'all_items':
      return sql`TRUE`
    case 'categories':
      return sql`(r.webinars_id IN (SELECT id FROM webinars WHERE category_id IN (${ids(snapshot.categoryIds)}))
               OR r.courses_id IN (SELECT id FROM courses WHERE category_id IN (${ids(snapshot.categoryIds)})))`
    case 'items': {
      const webinars = snapshot.items.filter((item) => item.relationTo === 'webinars').map((item) => item.id)
      const courses = snapshot.items.filter((item) => item.relationTo === 'courses').map((item) => item.id)
      return sql`(r.webinars_id IN (${ids(webinars)}) OR r.courses_id IN (${ids(courses)}))`
    }
  }
}

/** Items in any of the versions' scopes: an item that left the scope still has rows to cancel. */
export const coveredByAny = (snapshots: ScopeSnapshot[]): SQL =>
  snapshots.length ? sql`(${sql.join(snapshots.map(coveredBy), sql` OR `)})` : sql`FALSE`

/**
 * Items whose emails may still be ahead: not trashed, and not ended longer ago than `afterEndMs`
 * (the largest "after" offset of the rule's versions). A course with no dates counts as ahead.
 * Past items hold no queued email of the rule, so walking their enrollments would only cost time.
 */
export function stillAhead(now: Date, afterEndMs: number): SQL {
  const since = new Date(now.getTime() - afterEndMs)
  return sql`(
    r.webinars_id IN (SELECT id FROM webinars WHERE deleted_at IS NULL AND starts_at + (duration_minutes * interval '1 minute') > ${since})
    OR r.courses_id IN (SELECT id FROM courses WHERE deleted_at IS NULL AND coalesce(end_date, start_date) + interval '1 day' > ${since})
    OR r.courses_id IN (SELECT id FROM courses WHERE deleted_at IS NULL AND end_date IS NULL AND start_date IS NULL))`
}
