import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import pg from 'pg'
import { buildConfig, getPayload } from 'payload'
import { generateTypes } from 'payload/node'

import { createAulaConfig } from '../../src/config/createAulaConfig'
import { readEnv } from '../../src/config/env'
import { closePayload } from '../../src/db/closePayload'
import { migrateDatabase } from '../../src/db/referenceData'
import { DEFAULT_EMAIL_TEMPLATES } from '../../src/seed/emailTemplates'
import { databaseUri, TEMPLATE_DATABASE, withAdminClient } from '../helpers/testDatabase'

const migratedDatabase = `aula_test_migrated_${process.pid}`

afterAll(async () => {
  await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${migratedDatabase} WITH (FORCE)`))
})

/** Tables, columns, indexes, constraints and enum values: everything a migration is responsible for. */
async function describeSchema(uri: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: uri })
  await client.connect()
  try {
    const queries = [
      `SELECT 'column ' || table_name || '.' || column_name || ' ' || udt_name || ' null=' || is_nullable || ' default=' || coalesce(column_default, '')
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'payload_migrations'`,
      `SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'payload_migrations'`,
      `SELECT 'constraint ' || rel.relname || ' ' || con.conname || ' ' || pg_get_constraintdef(con.oid)
         FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace ns ON ns.oid = rel.relnamespace
        WHERE ns.nspname = 'public' AND rel.relname <> 'payload_migrations'`,
      `SELECT 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    ]
    const lines: string[] = []
    for (const query of queries) lines.push(...(await client.query(query)).rows.map((row) => Object.values(row)[0] as string))
    return lines.sort()
  } finally {
    await client.end()
  }
}

describe('the committed schema artefacts match the config', () => {
  it('running the migrations in src/migrations gives exactly the schema the config describes', async () => {
    await withAdminClient((client) => client.query(`CREATE DATABASE ${migratedDatabase}`))
    const uri = databaseUri(migratedDatabase)
    const config = await buildConfig(createAulaConfig({ env: { ...readEnv(), databaseUri: uri }, push: false }))
    const payload = await getPayload({ config, cron: false })
    await migrateDatabase(payload) // what `npm run migrate` does: migrations, then reference data
    await closePayload(payload)

    const fromMigrations = await describeSchema(uri)
    const fromConfig = await describeSchema(databaseUri(TEMPLATE_DATABASE))
    expect(fromMigrations.length).toBeGreaterThan(20)
    // A difference here means: run `npm run migrate:create <name>` and commit the new migration.
    expect(fromMigrations).toEqual(fromConfig)

    // A production database gets every stock email template from `npm run migrate` alone (no seed).
    const templates = await withAdminClient((client) => client.query('SELECT key, locale FROM email_templates'), uri)
    const expected = Object.entries(DEFAULT_EMAIL_TEMPLATES).flatMap(([key, copies]) => Object.keys(copies).map((locale) => `${key}:${locale}`))
    expect(templates.rows.map((row) => `${row.key}:${row.locale}`).sort()).toEqual(expected.sort())
  })

  it('src/payload-types.ts is what `npm run generate:types` produces', async () => {
    const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aula-types-')), 'payload-types.ts')
    const config = await buildConfig(createAulaConfig({ env: readEnv(), push: false }))
    process.env.PAYLOAD_TS_OUTPUT_PATH = output
    try {
      await generateTypes(config, { log: false })
    } finally {
      delete process.env.PAYLOAD_TS_OUTPUT_PATH
    }
    // A difference here means: run `npm run generate:types` and commit the result.
    expect(fs.readFileSync(output, 'utf8')).toBe(fs.readFileSync('src/payload-types.ts', 'utf8'))
  })
})
