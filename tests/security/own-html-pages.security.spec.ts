import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { cancelToken, payToken } from '../../src/enrollment/cancelToken'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'
import type { ApiResponse } from '../helpers/api'

let aula: TestAula
let enrollmentId: number

beforeAll(async () => {
  aula = await startTestAula()
  const webinar = await createWebinar(aula.payload, { title: 'Cabeceras seguras' })
  const email = `cabeceras-${Date.now()}@example.com`
  expect((await aula.api.post(`/webinars/${webinar.id}/register`, { email, firstName: 'Ana', lastName: 'Ruiz' })).status).toBe(201)
  const { docs } = await aula.payload.find({ collection: 'enrollments', where: { 'user.email': { equals: email } }, overrideAccess: true, depth: 0 })
  enrollmentId = docs[0].id as number
})

afterAll(async () => {
  await aula.close()
})

const cspOf = (response: ApiResponse) =>
  Object.fromEntries(
    String(response.headers.get('content-security-policy'))
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  )

/** What a page must send so that no other site frames it, learns its token-bearing URL or runs script in it. */
function expectLockedDown(response: ApiResponse) {
  expect(response.headers.get('content-type')).toMatch(/^text\/html/)
  expect(response.headers.get('x-frame-options')).toBe('DENY')
  expect(response.headers.get('referrer-policy')).toBe('no-referrer')
  expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  const csp = cspOf(response)
  expect(csp['default-src']).toEqual(["'none'"])
  expect(csp['frame-ancestors']).toEqual(["'none'"])
  expect(csp['base-uri']).toEqual(["'none'"])
  expect(csp['script-src']).toBeUndefined()
  // The only inline code allowed is the page's own stylesheet, pinned by hash; no script, no style attribute, no other host.
  const styles = [...response.text.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => `'sha256-${createHash('sha256').update(match[1]).digest('base64')}'`)
  expect(csp['style-src'].sort()).toEqual(styles.sort())
  expect(response.text).not.toMatch(/<script|\sstyle=|\son[a-z]+=/i)
  expect(response.text).not.toMatch(/(src|href)="https?:/)
}

describe('pages Aula serves from email links and for API docs', () => {
  it('a site framing the cancel page or reading its referrer gets nothing: the page forbids framing, referrers and script', async () => {
    const token = cancelToken(aula.payload.secret, enrollmentId)
    const page = await aula.api.get(`/enrollments/${enrollmentId}/cancel-link?token=${token}`)
    expect(page.status).toBe(200)
    expect(page.text).toContain('Cabeceras seguras')
    expectLockedDown(page)
    // The confirmation form posts back to Aula itself, which form-action 'self' allows.
    expect(cspOf(page)['form-action']).toEqual(["'self'"])
    expect(page.text).toMatch(/<form method="post" action="\/api\/enrollments\/\d+\/cancel-link"/)
  })

  it('the page shown after cancelling is locked down the same way', async () => {
    const token = cancelToken(aula.payload.secret, enrollmentId)
    const done = await aula.api.request('POST', `/enrollments/${enrollmentId}/cancel-link`, {
      body: `token=${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(done.status).toBe(200)
    expectLockedDown(done)
  })

  it('the pay link page is locked down the same way', async () => {
    const page = await aula.api.get(`/enrollments/${enrollmentId}/pay?token=${payToken(aula.payload.secret, enrollmentId)}`)
    expect(page.status).toBe(410)
    expectLockedDown(page)
  })

  it('the API docs page runs no script, loads nothing from elsewhere and cannot be framed', async () => {
    const page = await aula.api.get('/docs')
    expect(page.status).toBe(200)
    expect(page.text).toContain('<style>')
    expectLockedDown(page)
  })
})

describe('the admin panel', () => {
  it('another site cannot frame the admin, and admin URLs are not sent as referrers to other sites', async () => {
    // next.config.mjs sends these for /admin/:path* (its headers() rule); Next applies them to every admin page.
    const nextConfig = fs.readFileSync('next.config.mjs', 'utf8')
    expect(nextConfig).toContain("{ source: '/admin/:path*', headers: adminSecurityHeaders }")
    const { adminSecurityHeaders } = await import('../../src/config/adminSecurityHeaders.mjs' as string)
    const headers = Object.fromEntries((adminSecurityHeaders as { key: string; value: string }[]).map(({ key, value }) => [key.toLowerCase(), value]))
    expect(headers['x-frame-options']).toBe('DENY')
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(headers['referrer-policy']).toBe('same-origin')
    expect(headers['x-content-type-options']).toBe('nosniff')
  })

  it('the admin shows a local avatar instead of telling Gravatar who is logged in', () => {
    expect(aula.payload.config.admin.avatar).toBe('default')
  })

  it('Aula’s own admin components and styles load nothing from another host', () => {
    const files = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(`${dir}/${entry.name}`) : [`${dir}/${entry.name}`]))
    const external = [...files('src/components'), ...files('src/app/(payload)')]
      .filter((file) => /\.(tsx?|jsx?|s?css)$/.test(file))
      .filter((file) => /https?:\/\/(?!localhost)/.test(fs.readFileSync(file, 'utf8')))
    expect(external).toEqual([])
  })

  it('the GraphQL playground, which loads scripts from a CDN, is off in production', () => {
    expect(aula.payload.config.graphQL.disablePlaygroundInProduction).toBe(true)
  })
})
