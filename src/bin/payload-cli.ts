import { spawn } from 'node:child_process'
import path from 'node:path'

import { useDevDatabase } from './database'
import { loadDotEnv } from './loadDotEnv'

/**
 * Runs Payload's own CLI (`migrate`, `migrate:create`, `generate:types`, …) against the same
 * database `npm run dev` uses: the embedded one unless `DATABASE_URI` is set.
 */
loadDotEnv()
const args = process.argv.slice(2)
const needsDatabase = args[0]?.startsWith('migrate') || args[0]?.startsWith('jobs')
const database = needsDatabase ? await useDevDatabase({ push: false }) : null

const payloadBin = path.resolve('node_modules/payload/bin.js')
const child = spawn(process.execPath, ['--no-deprecation', payloadBin, ...args], { stdio: 'inherit', env: process.env })
const code = await new Promise<number>((resolve) => child.on('exit', (exitCode) => resolve(exitCode ?? 1)))
await database?.stop()
process.exit(code)
