import { describe, expect, it } from '@jest/globals'

import { EnvError, readEnv } from '../../src/config/env'

const production = (extra: Record<string, string> = {}) => ({
  NODE_ENV: 'production',
  DATABASE_URI: 'postgres://aula@db/aula',
  PAYLOAD_SECRET: '0123456789abcdef0123456789abcdef',
  ...extra,
})

describe('production refuses weak secrets', () => {
  it('a PAYLOAD_SECRET shorter than 32 characters (tokens anyone could forge) stops the start, naming the variable', () => {
    for (const secret of ['s3cret', 'changeme', 'x'.repeat(31)]) {
      expect(() => readEnv(production({ PAYLOAD_SECRET: secret }))).toThrow(EnvError)
      expect(() => readEnv(production({ PAYLOAD_SECRET: secret }))).toThrow(/PAYLOAD_SECRET must be at least 32 characters/)
    }
    expect(readEnv(production({ PAYLOAD_SECRET: 'x'.repeat(32) })).payloadSecret).toHaveLength(32)
  })

  it('the published demo password as SEED_ADMIN_PASSWORD stops the start, naming the variable', () => {
    for (const password of ['aula-admin-2026', ' AULA-ADMIN-2026 ']) {
      expect(() => readEnv(production({ SEED_ADMIN_PASSWORD: password }))).toThrow(EnvError)
      expect(() => readEnv(production({ SEED_ADMIN_PASSWORD: password }))).toThrow(/SEED_ADMIN_PASSWORD/)
    }
    expect(readEnv(production({ SEED_ADMIN_PASSWORD: 'a chosen passphrase' })).seedAdmin.password).toBe('a chosen passphrase')
  })

  it('without SEED_ADMIN_PASSWORD production never seeds the demo password the README publishes', () => {
    const { seedAdmin } = readEnv(production())
    expect(seedAdmin.password).not.toBe('aula-admin-2026')
    expect(seedAdmin.password.length).toBeGreaterThanOrEqual(32)
  })

  it('development keeps the demo password and a generated secret, so a fresh checkout just runs', () => {
    const env = readEnv({})
    expect(env.seedAdmin.password).toBe('aula-admin-2026')
    expect(env.payloadSecret.length).toBeGreaterThanOrEqual(32)
  })
})
