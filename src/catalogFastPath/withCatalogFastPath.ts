import { getPayload, headersWithCors, type PayloadRequest, type SanitizedConfig } from 'payload'

import { setCatalogCacheHeaders } from '../hooks/cachePublicCatalogReads'
import { catalogFastPathReads } from '../observability/metrics'
import { isAnonymousRequest } from '../utilities/anonymousRequest'
import { answerWebinarRead } from './answerWebinarRead'
import { fastPathCoversWebinars } from './coverage'
import { fastPathsEnabled } from '../config/fastPaths'
import { parseWebinarRead } from './webinarRead'

type Handler<A extends unknown[]> = (request: Request, ...rest: A) => Promise<Response>

/**
 * Anonymous webinar reads of the shapes the catalog sends (webinarRead.ts) answered by one SQL
 * statement that builds Payload's JSON in PostgreSQL, below Payload's read path (docs/decisions/0034).
 * The answer is Payload's, byte for byte: tests/int/catalog-fast-path.int.spec.ts runs generated
 * reads through both. Anything else, any caller with credentials, a config the fast path was not
 * written for (coverage.ts), `AULA_FAST_PATHS=off` or a failing query goes to Payload.
 */
export function withCatalogFastPath<A extends unknown[]>(handler: Handler<A>, config: Promise<SanitizedConfig> | SanitizedConfig): Handler<A> {
  return async (request, ...rest) => {
    if (request.method !== 'GET' || !fastPathsEnabled() || !isAnonymousRequest(request)) return handler(request, ...rest)
    const read = parseWebinarRead(new URL(request.url))
    if (!read) return handler(request, ...rest)
    const payload = await getPayload({ config })
    let answer: unknown
    try {
      answer = fastPathCoversWebinars(payload) ? await answerWebinarRead(payload, read) : undefined
    } catch {
      // The database is going away, say: Payload's path answers (its 503 and its log line).
      answer = undefined
    }
    catalogFastPathReads.inc({ answer: answer === undefined ? 'payload' : 'sql' })
    if (answer === undefined) return handler(request, ...rest)
    const headers = headersWithCors({
      headers: new Headers(),
      req: { payload, headers: request.headers } as PayloadRequest,
    })
    return Response.json(answer, {
      status: 200,
      headers: setCatalogCacheHeaders(headers, false),
    })
  }
}
