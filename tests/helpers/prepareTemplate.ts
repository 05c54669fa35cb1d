import { buildConfig, getPayload } from 'payload'

import { createAulaConfig } from '../../src/config/createAulaConfig'
import { readEnv } from '../../src/config/env'
import { seedEmailRules } from '../../src/automation/rules/seed'
import { closePayload } from '../../src/db/closePayload'
import { TEMPLATE_DATABASE, withAdminClient } from './testDatabase'

/** Run by globalSetup in its own process: (re)creates the template database and pushes the schema into it. */
const templateUri = process.env.TEMPLATE_URI as string
const adminUri = process.env.ADMIN_URI as string
await withAdminClient(async (client) => {
  await client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`)
  await client.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`)
}, adminUri)
const config = await buildConfig(createAulaConfig({ env: { ...readEnv(), databaseUri: templateUri }, push: true }))
const payload = await getPayload({ config })
// Every test database holds the stock email rules, as production does (they plan the reminders).
await seedEmailRules(payload)
await closePayload(payload)
process.exit(0)
