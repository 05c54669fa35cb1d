import type { Payload, PayloadRequest } from 'payload'

import { convertStoredTemplatesToRichText } from '../email/templateBody/convertStoredTemplates'
import { seedEmailRules } from '../automation/rules/seed'
import { seedEmailTemplates } from '../seed/emailTemplates'

/**
 * Rows the product cannot run without, written after the schema is current: every stock email
 * template (a template staff already edited is never touched) and templates still stored as HTML
 * converted to rich text. Not inside a migration: a migration's Local API calls read and write the
 * *current* config's columns, so a data migration that ran on an older schema (a fresh database
 * replaying history) would ask for columns that do not exist yet. Safe to run on every deploy.
 */
export async function ensureReferenceData(
  payload: Payload,
  req?: PayloadRequest,
): Promise<{ templatesCreated: number; templatesConverted: number; emailRulesCreated: number }> {
  const templatesCreated = await seedEmailTemplates(payload, req)
  const { converted } = await convertStoredTemplatesToRichText(payload, req)
  // The stock email rules (src/automation/rules/stockRules.ts): without them no reminder is planned.
  const emailRulesCreated = await seedEmailRules(payload, req)
  return { templatesCreated, templatesConverted: converted.length, emailRulesCreated }
}

/** `npm run migrate`: Payload's migrations, then the reference data (docs/operations.md). */
export async function migrateDatabase(payload: Payload): Promise<void> {
  await payload.db.migrate()
  const result = await ensureReferenceData(payload)
  payload.logger.info({ msg: 'Reference data ensured', ...result })
}
