import { getPayload } from 'payload'

import { closePayload } from '../db/closePayload'
import { seed } from '../seed'
import { useDevDatabase } from './database'
import { loadDotEnv } from './loadDotEnv'

/** `npm run seed`: fills the database with the demo catalog and the seed admin. Safe to run again. */
loadDotEnv()
const database = await useDevDatabase({ push: true })
const { default: config } = await import('../../payload.config')
const payload = await getPayload({ config })
const summary = await seed(payload)
console.log(summary.created ? `Seeded: ${summary.created} new records.` : 'Seed data already present: nothing added.')
await closePayload(payload)
await database.stop()
process.exit(0)
