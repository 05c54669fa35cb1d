import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-postgres'

import { seedEmailTemplates } from '../seed/emailTemplates'

/**
 * Every email Aula sends needs its template in the database, or it fails with "No template".
 * Production used to get them only from `npm run seed`; from here on each migration that adds an
 * email brings its stock Spanish and English copy, and a template staff already edited is never
 * touched. (Its own migration: PostgreSQL cannot use enum values added in the same transaction.)
 */
export async function up({ payload, req }: MigrateUpArgs): Promise<void> {
  await seedEmailTemplates(payload, req)
}

/** Templates staff may have edited since are theirs: going down leaves them. */
export async function down(_args: MigrateDownArgs): Promise<void> {}
