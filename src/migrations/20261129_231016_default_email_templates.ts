import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-postgres'

/**
 * This migration used to write the stock email templates through the Local API. A migration's Local
 * API reads the *current* schema, so on a fresh database replaying history it asked for columns
 * added later (email_templates.content) and failed. The templates are now reference data written
 * after every migration by `npm run migrate` (src/db/referenceData.ts). Databases that already ran
 * it keep its rows; this step stays so their migration history still matches.
 */
export async function up(_args: MigrateUpArgs): Promise<void> {}

export async function down(_args: MigrateDownArgs): Promise<void> {}
