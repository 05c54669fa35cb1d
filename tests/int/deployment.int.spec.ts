import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'

import { EnvError, readEnv } from '../../src/config/env'

const compose = parse(fs.readFileSync('docker-compose.yml', 'utf8'))
const documented = new Set(
  fs
    .readFileSync('.env.example', 'utf8')
    .split('\n')
    .map((line) => line.match(/^([A-Z][A-Z0-9_]*)=/)?.[1])
    .filter(Boolean),
)
/** Set by Aula's own launchers or tools, not by whoever deploys. */
const internal = new Set(['NODE_ENV', 'AULA_EMBEDDED_DATABASE', 'PAYLOAD_TS_OUTPUT_PATH', 'NEXT_TELEMETRY_DISABLED'])

const sourceFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : []
  })

describe('deployment files', () => {
  it('docker-compose runs postgres, the app, a worker and a mail catcher', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['app', 'mailpit', 'postgres', 'worker'])
    expect(compose.services.app.build).toBe('.')
    expect(compose.services.worker.build).toBe('.')
    expect(compose.services.worker.command).toEqual(['npm', 'run', 'worker'])
    expect(compose.services.app.environment.JOBS_AUTORUN).toBe('false')
    expect(fs.readFileSync('Dockerfile', 'utf8')).toMatch(/npm run migrate && npm run start/)
  })

  it('lets the worker be scaled (`docker compose up --scale worker=3`): no fixed container name or host port', () => {
    expect(compose.services.worker.container_name).toBeUndefined()
    expect(compose.services.worker.ports).toBeUndefined()
  })

  it('every variable docker-compose passes to Aula is documented in .env.example', () => {
    const names = [...Object.keys(compose.services.app.environment), ...Object.keys(compose.services.worker.environment)]
    const interpolated = [...fs.readFileSync('docker-compose.yml', 'utf8').matchAll(/\$\{([A-Z][A-Z0-9_]*)/g)].map((match) => match[1])
    const undocumented = [...new Set([...names, ...interpolated])].filter((name) => !documented.has(name))
    expect(undocumented).toEqual([])
  })

  it('every environment variable the code reads is documented in .env.example', () => {
    const read = new Set<string>()
    for (const file of sourceFiles('src')) {
      for (const match of fs.readFileSync(file, 'utf8').matchAll(/\benv\.([A-Z][A-Z0-9_]*)/g)) read.add(match[1])
    }
    expect(read.size).toBeGreaterThan(10)
    expect([...read].filter((name) => !documented.has(name) && !internal.has(name))).toEqual([])
  })

  it('docker compose accepts the file when the Docker client has the compose plugin', () => {
    const version = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' })
    if (version.status !== 0) {
      // No compose plugin on this machine: the structural checks above stand in for it.
      expect(compose.services.postgres.image).toMatch(/^postgres:/)
      return
    }
    const result = spawnSync('docker', ['compose', 'config', '--quiet'], {
      encoding: 'utf8',
      env: { ...process.env, PAYLOAD_SECRET: 'check-only' },
    })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
  })
})

describe('production start-up', () => {
  it('refuses to start without PAYLOAD_SECRET and DATABASE_URI, naming them', () => {
    expect(() => readEnv({ NODE_ENV: 'production' })).toThrow(EnvError)
    expect(() => readEnv({ NODE_ENV: 'production' })).toThrow(/PAYLOAD_SECRET and DATABASE_URI/)
    expect(() => readEnv({ NODE_ENV: 'production', DATABASE_URI: 'postgres://x@db/aula' })).toThrow(/without PAYLOAD_SECRET\./)
    expect(() => readEnv({ NODE_ENV: 'production', PAYLOAD_SECRET: 's3cret' })).toThrow(/without DATABASE_URI\./)
  })

  it('starts in production with both set, and runs jobs only in the worker by default', () => {
    const secret = 'a-production-secret-of-32-characters'
    const env = readEnv({ NODE_ENV: 'production', PAYLOAD_SECRET: secret, DATABASE_URI: 'postgres://x@db/aula' })
    expect(env.payloadSecret).toBe(secret)
    expect(env.jobsAutorun).toBe(false)
    expect(readEnv({}).jobsAutorun).toBe(true)
  })
})
