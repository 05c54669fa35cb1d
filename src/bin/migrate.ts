import { getPayload } from 'payload'

import { closePayload } from '../db/closePayload'
import { migrateDatabase } from '../db/referenceData'
import { useDevDatabase } from './database'
import { loadDotEnv } from './loadDotEnv'

/**
 * `npm run migrate` (the production image runs it before `npm start`): every pending migration in
 * src/migrations, then the rows the product needs (stock email templates), so a new email reaches
 * production by deploying, with no seed. Other migration commands: `npm run payload -- migrate:status`.
 */
loadDotEnv()
const database = await useDevDatabase({ push: false })
const { default: config } = await import('../../payload.config')
const payload = await getPayload({ config, cron: false })
let code = 0
try {
  await migrateDatabase(payload)
} catch (error) {
  payload.logger.error({ err: error, msg: 'Migration failed' })
  code = 1
} finally {
  await closePayload(payload)
  await database.stop()
}
process.exit(code)
