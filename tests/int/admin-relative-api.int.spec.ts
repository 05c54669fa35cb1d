import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fs from 'node:fs'
import path from 'node:path'

import { adminApiUrl } from '../../src/components/adminApiUrl'
import { allowedDevHosts, loopbackAliases } from '../../src/config/adminOrigins.mjs'
import { readEnv } from '../../src/config/env'
import { startTestAula, type TestAula } from '../helpers/aula'

/** Every file the admin's browser runs: client components anywhere under src/. */
const clientComponentFiles = (dir = path.resolve('src')): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return clientComponentFiles(full)
    if (!/\.(tsx?|jsx?)$/.test(entry.name)) return []
    const source = fs.readFileSync(full, 'utf8')
    return /^\s*['"]use client['"]/.test(source) ? [full] : []
  })

describe('admin components call Aula under the host the page was opened at', () => {
  it('no admin component builds an API URL from serverURL or SERVER_URL, nor fetches an absolute URL', () => {
    const files = clientComponentFiles()
    expect(files.map((file) => path.relative(process.cwd(), file))).toEqual(
      expect.arrayContaining(['src/components/ResendEmailButton.tsx', 'src/components/ConvertLeadButton.tsx']),
    )
    const offenders = files.flatMap((file) => {
      const source = fs.readFileSync(file, 'utf8')
      const found: string[] = []
      if (/serverURL|SERVER_URL|NEXT_PUBLIC_SERVER/.test(source)) found.push('uses serverURL')
      if (/fetch\(\s*[`'"]https?:/.test(source)) found.push('fetches an absolute URL')
      return found.map((why) => `${path.relative(process.cwd(), file)}: ${why}`)
    })
    expect(offenders).toEqual([])
  })

  it('the URL helper gives a path on the page’s own origin, whatever serverURL says', () => {
    const config = { serverURL: 'http://localhost:3300', routes: { api: '/api' } }
    expect(adminApiUrl(config, '/email-log/7/resend')).toBe('/api/email-log/7/resend')
    expect(adminApiUrl(config, 'leads/3/convert')).toBe('/api/leads/3/convert')
    expect(adminApiUrl(config)).toBe('/api')
  })

  it('next dev serves its scripts to pages at SERVER_URL’s host and at the other loopback names', () => {
    expect(allowedDevHosts({ SERVER_URL: 'http://127.0.0.1:3300' })).toEqual(expect.arrayContaining(['127.0.0.1', 'localhost']))
    expect(allowedDevHosts({ SERVER_URL: 'https://aula.example.com', CORS_ORIGINS: 'https://admin.internal:8443' })).toEqual(
      expect.arrayContaining(['aula.example.com', 'admin.internal', '127.0.0.1']),
    )
    const nextConfig = fs.readFileSync('next.config.mjs', 'utf8')
    expect(nextConfig).toContain('allowedDevOrigins: allowedDevHosts(process.env)')
  })

  it('the CSRF list accepts SERVER_URL under each loopback name, and only loopback names stand for each other', () => {
    expect(readEnv({ SERVER_URL: 'http://localhost:3300' }).corsOrigins).toEqual(
      expect.arrayContaining(['http://localhost:3300', 'http://127.0.0.1:3300', 'http://[::1]:3300']),
    )
    expect(loopbackAliases('https://aula.example.com')).toEqual([])
    expect(readEnv({ SERVER_URL: 'https://aula.example.com', NODE_ENV: 'test' }).corsOrigins).toEqual(['https://aula.example.com'])
  })
})

describe('a session cookie sent from the admin opened at 127.0.0.1 while SERVER_URL says localhost', () => {
  let aula: TestAula
  let adminToken: string
  beforeAll(async () => {
    aula = await startTestAula()
    adminToken = (await aula.createUser(['admin'])).token
  })
  afterAll(() => aula?.close())

  const resendWithCookie = (origin: string) =>
    aula.api.request('POST', '/email-log/999999/resend', { headers: { cookie: `payload-token=${adminToken}`, origin } })

  it('is accepted: the resend button reaches the endpoint as the logged-in admin (404 for a missing email, not 401)', async () => {
    const sameMachine = await resendWithCookie('http://127.0.0.1:3000')
    expect(sameMachine.status).toBe(404)
  })

  it('is still refused from a page on another site (CSRF)', async () => {
    const otherSite = await resendWithCookie('https://evil.example')
    expect(otherSite.status).toBe(401)
  })
})
