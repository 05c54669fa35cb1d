import { type SQL, sql } from '@payloadcms/db-postgres/drizzle'

/**
 * SQL pieces for whoever picks campaign recipients (src/automation/campaigns/segment.ts), so the rule
 * "marketing only with consent, never to a suppressed address" has one home.
 *
 * `alias` is the table alias of a `users` or `leads` row in the caller's query (both carry the
 * `marketingConsent` group, stored as `marketing_consent_*` columns). Aliases are code, never input.
 */
const column = (alias: string, name: string) => sql.raw(`"${alias}"."${name}"`)

/** The row's person said yes and has not taken it back. */
export const consentGrantedSql = (alias: string): SQL =>
  sql`(${column(alias, 'marketing_consent_granted')} = true AND ${column(alias, 'marketing_consent_withdrawn_at')} IS NULL)`

/** The address (any case) is not on the suppression list. */
export const notSuppressedSql = (email: SQL): SQL =>
  sql`NOT EXISTS (SELECT 1 FROM email_suppressions es WHERE es.email = lower(${email}))`

/** A `users`/`leads` row a campaign may write to: consent granted, not withdrawn, address not suppressed. */
export const reachableForMarketingSql = (alias: string): SQL =>
  sql`(${consentGrantedSql(alias)} AND ${notSuppressedSql(column(alias, 'email'))})`
