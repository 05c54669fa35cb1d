import { sql } from '@payloadcms/db-postgres/drizzle'
import type { Endpoint, PayloadRequest } from 'payload'

import { drizzleFor, rowsOf } from '../../email/database'
import { readUnsubscribeToken } from './unsubscribe'
import { unsubscribeAddress } from './unsubscribeAddress'
import { confirmPage, donePage, invalidLinkPage, type PageLanguage } from './unsubscribePage'

const tokenOf = (req: PayloadRequest) => new URL(req.url ?? 'http://localhost').searchParams.get('token')

/** The person's own language when the address has an account, else what the browser asks for, else Spanish. */
async function languageFor(req: PayloadRequest, email: string | null): Promise<PageLanguage> {
  if (email) {
    const db = await drizzleFor(req)
    const rows = rowsOf<{ language: string | null }>(await db.execute(sql`SELECT language FROM users WHERE email = ${email} LIMIT 1`))
    if (rows[0]?.language === 'en' || rows[0]?.language === 'es') return rows[0].language
  }
  return /^en\b/i.test(req.headers.get('accept-language') ?? '') ? 'en' : 'es'
}

/**
 * `GET /api/unsubscribe?token=…` (the visible link) only asks: mail scanners and link previews follow
 * every link, and must not unsubscribe anyone. `POST` to the same URL unsubscribes: the page's button,
 * and the RFC 8058 one-click POST mail clients send from the `List-Unsubscribe` header (body
 * `List-Unsubscribe=One-Click`, no cookies, from no page of ours, so no login and no Origin check —
 * the signed token is the whole authority). Both answer 400 for a token this server did not sign.
 */
export const unsubscribeEndpoints: Endpoint[] = [
  {
    path: '/unsubscribe',
    method: 'get',
    handler: async (req) => {
      const token = tokenOf(req)
      const target = readUnsubscribeToken(req.payload.secret, token)
      const language = await languageFor(req, target?.email ?? null)
      if (!target || !token) return invalidLinkPage(language)
      return confirmPage(language, target.email, token)
    },
  },
  {
    path: '/unsubscribe',
    method: 'post',
    handler: async (req) => {
      const target = readUnsubscribeToken(req.payload.secret, tokenOf(req))
      const language = await languageFor(req, target?.email ?? null)
      if (!target) return invalidLinkPage(language)
      await unsubscribeAddress(req, target)
      return donePage(language)
    },
  },
]
