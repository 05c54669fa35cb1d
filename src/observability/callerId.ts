import { jwtVerify } from 'jose'
import type { Payload } from 'payload'

/**
 * The id of the logged-in caller for the request log, read from the login token (header or cookie)
 * and checked against Payload's signing secret: no database query per request. A token that does
 * not verify gives no id. API keys are not resolved (that would need a query).
 */
const keys = new WeakMap<Payload, Uint8Array>()

const tokenOf = (request: Request, cookieName: string): string | null => {
  const authorization = request.headers.get('authorization') ?? ''
  const fromHeader = /^(?:JWT|Bearer) (\S+)$/.exec(authorization)?.[1]
  if (fromHeader) return fromHeader
  const cookie = request.headers.get('cookie') ?? ''
  return cookie.split(/;\s*/).find((pair) => pair.startsWith(`${cookieName}=`))?.slice(cookieName.length + 1) ?? null
}

export async function callerIdOf(request: Request, payload: Payload): Promise<number | string | undefined> {
  const token = tokenOf(request, `${payload.config.cookiePrefix}-token`)
  if (!token || token.split('.').length !== 3) return undefined
  let key = keys.get(payload)
  if (!key) keys.set(payload, (key = new TextEncoder().encode(payload.secret)))
  try {
    const { payload: claims } = await jwtVerify(token, key, { algorithms: ['HS256'] })
    const id = claims.id
    return typeof id === 'number' || typeof id === 'string' ? id : undefined
  } catch {
    return undefined
  }
}
