import type { Payload } from 'payload'

import { readEnv } from '../config/env'
import { seedCatalog } from './catalog'
import { seedEmailTemplates } from './emailTemplates'
import { seedLeads } from './leads'
import { seedUsers } from './users'

export interface SeedSummary {
  created: number
}

/**
 * Demo data for development and the browser test. Every step looks its records up by a natural
 * key (email, slug, code) first, so running it again adds nothing twice.
 */
export async function seed(payload: Payload): Promise<SeedSummary> {
  const { seedAdmin } = readEnv()
  let created = await seedUsers(payload, seedAdmin)
  created += await seedCatalog(payload)
  created += await seedLeads(payload)
  created += await seedEmailTemplates(payload)
  return { created }
}
