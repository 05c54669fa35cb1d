import { describe, expect, it } from '@jest/globals'
import { unstable_doesMiddlewareMatch } from 'next/experimental/testing/server'
import { NextRequest } from 'next/server'

import { config, proxy } from '../../src/proxy'

/**
 * src/proxy.ts runs only where its matcher says (Next evaluates `config.matcher` before running it):
 * every request the proxy would change must be matched, and the API calls of websites and apps, which
 * it leaves alone, must not pay for it (docs/benchmarks.md, issue 21).
 */
const origin = 'http://localhost:3000'

interface Case { path: string; referer?: string; acceptLanguage?: string; languageCookie?: string }

const matches = ({ path, referer, acceptLanguage, languageCookie }: Case) =>
  unstable_doesMiddlewareMatch({
    config: config as never,
    url: `${origin}${path}`,
    headers: { ...(referer ? { referer } : {}), ...(acceptLanguage ? { 'accept-language': acceptLanguage } : {}) },
    cookies: languageCookie ? { 'payload-lng': languageCookie } : {},
  })

/** Whether the proxy, run on this request, changes what the route sees (request headers) or what the browser gets. */
function proxyChanges({ path, referer, acceptLanguage, languageCookie }: Case): boolean {
  const headers = new Headers()
  if (referer) headers.set('referer', referer)
  if (acceptLanguage) headers.set('accept-language', acceptLanguage)
  if (languageCookie) headers.set('cookie', `payload-lng=${languageCookie}`)
  const response = proxy(new NextRequest(`${origin}${path}`, { headers }))
  return response.headers.has('x-middleware-override-headers') || response.headers.has('content-security-policy')
}

const paths = ['/api/users/login', '/api/webinars/7/register', '/api/webinars?limit=5', '/admin', '/admin/collections/leads', '/', '/en/webinars/x', '/webinars/x', '/verify', '/api/graphql']
const referers = [undefined, `${origin}/admin`, `${origin}/admin/login`, `${origin}/admin?x=1`, `${origin}/administrator`, `${origin}/webinars/x`, 'https://academia.example.com/', 'not a url']
const cases: Case[] = paths.flatMap((path) =>
  referers.flatMap((referer) => [undefined, 'en-US,en;q=0.9'].flatMap((acceptLanguage) => [undefined, 'en'].map((languageCookie) => ({ path, referer, acceptLanguage, languageCookie })))),
)

describe('where the proxy runs', () => {
  it('every request the proxy would change is one its matcher sends to it', () => {
    const missed = cases.filter((request) => proxyChanges(request) && !matches(request))
    expect(missed).toEqual([])
    // The walk covers both kinds of change: the admin's language and the site's security headers.
    expect(cases.filter(proxyChanges).map((request) => request.path)).toEqual(expect.arrayContaining(['/api/users/login', '/admin', '/webinars/x']))
  })

  it('an API call from a website or an app (no admin page behind it) skips the proxy, whatever its language headers', () => {
    for (const referer of [undefined, `${origin}/webinars/x`, 'https://academia.example.com/', `${origin}/administrator`]) {
      for (const acceptLanguage of [undefined, 'es-PE']) {
        expect(matches({ path: '/api/webinars/7/register', referer, acceptLanguage })).toBe(false)
        expect(matches({ path: '/api/webinars?limit=5', referer, acceptLanguage })).toBe(false)
      }
    }
  })

  it('an admin page’s API call goes through it only before the language cookie exists', () => {
    expect(matches({ path: '/api/users/login', referer: `${origin}/admin/login`, acceptLanguage: 'en-US' })).toBe(true)
    expect(matches({ path: '/api/users/login', referer: `${origin}/admin/login`, acceptLanguage: 'en-US', languageCookie: 'es' })).toBe(false)
    expect(matches({ path: '/api/users/login', referer: `${origin}/admin/login` })).toBe(false)
    // Admin and site pages always do.
    expect(matches({ path: '/admin/collections/leads' })).toBe(true)
    expect(matches({ path: '/webinars/x' })).toBe(true)
  })
})
