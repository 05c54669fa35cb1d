import type { Payload } from 'payload'

import { seedEmailRules } from '../automation/rules/seed'
import { readEnv } from '../config/env'
import { seedActivity } from './activity'
import { seedCatalog } from './catalog'
import { seedEmailTemplates } from './emailTemplates'
import { seedLeads } from './leads'
import { seedUsers } from './users'

export interface SeedSummary {
  created: number
}

/**
 * Demo data for development and the browser test. Every step looks its records up by a natural
 * key (email, slug, code, an item's enrollments) first, so running it again adds nothing twice.
 * The activity (registrations, payments, emails) is made through the product's own code paths,
 * so every number on the dashboard is a count of real rows (docs/admin.md, "Datos de demostración").
 */
export async function seed(payload: Payload): Promise<SeedSummary> {
  const { seedAdmin } = readEnv()
  let created = await seedUsers(payload, seedAdmin)
  created += await seedCatalog(payload)
  created += await seedLeads(payload)
  created += await seedEmailTemplates(payload)
  created += await seedEmailRules(payload)
  // Last: people, enrollments, payments and sent emails need the catalog, the staff and the templates.
  created += await seedActivity(payload)
  return { created }
}
