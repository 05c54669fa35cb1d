import type { PayloadRequest } from 'payload'

import { clientAddress } from '../rateLimit/clientAddress'
import { readRateLimits } from '../rateLimit/rules'
import { contextActor } from './actorContext'
import type { AuditActor } from './types'

/**
 * A person (req.user) wins; else the job or Stripe context the work runs in; else a Local API call
 * with no caller is Aula itself, and an HTTP request with no login is anonymous.
 */
export function actorOf(req: PayloadRequest): AuditActor {
  const user = req.user as { id?: number | string; collection?: string } | null | undefined
  // A Local API `user` option may be a bare users document, without Payload's `collection` stamp.
  if (user?.id !== undefined && (user.collection ?? 'users') === 'users') return { kind: 'user', userId: Number(user.id) }
  const fromContext = contextActor()
  if (fromContext) return fromContext
  return { kind: req.payloadAPI === 'local' ? 'system' : 'anonymous' }
}

const AUDIT_ORIGIN = 'aulaAuditOrigin'

/**
 * For work started from a request but run on a Local API request of its own (the background
 * forgot-password): pass this as its `context` so its entries keep the caller's address and browser.
 */
export const auditOriginContext = (req: PayloadRequest): Record<string, unknown> => ({ [AUDIT_ORIGIN]: originOf(req) })

let trustedProxyHops: number | undefined

/** The caller's address and browser when the change came over HTTP; nothing for jobs and the Local API. */
export function originOf(req: PayloadRequest): { ip: string | null; userAgent: string | null } {
  const carried = req.context?.[AUDIT_ORIGIN] as { ip: string | null; userAgent: string | null } | undefined
  if (carried) return carried
  const headers = req.headers
  if (!headers || typeof headers.get !== 'function') return { ip: null, userAgent: null }
  trustedProxyHops ??= readRateLimits(process.env).trustedProxyHops ?? 0
  const ip = clientAddress(headers, trustedProxyHops)
  const userAgent = headers.get('user-agent')
  return { ip: ip === 'unknown' ? null : ip.slice(0, 100), userAgent: userAgent ? userAgent.slice(0, 500) : null }
}
