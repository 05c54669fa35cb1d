import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { GRAPHQL_POST, REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'
import type { SanitizedConfig } from 'payload'

import { withCatalogCache } from '../../src/catalogCache/withCatalogCache'
import { refuseCostlyQueries } from '../../src/graphql/refuseCostlyQueries'
import { withRequestTracing } from '../../src/observability/withRequestTracing'
import { readRateLimits } from '../../src/rateLimit/rules'
import { withRateLimits } from '../../src/rateLimit/withRateLimits'

type RouteHandler = (request: Request, args: { params: Promise<{ slug: string[] }> }) => Promise<Response>

export interface AulaHttpServer {
  /** `http://127.0.0.1:<port>` */
  url: string
  close(): Promise<void>
}

/**
 * Aula's real Next route handlers (wrapped as src/app/(payload)/api/[...slug]/route.ts wraps them) behind a
 * real HTTP server on a free port, streaming each answer as it is produced: what a test needs to reach a
 * long-lived response (Server-Sent Events) the way a browser does, including the client going away.
 */
export async function serveAulaOverHttp(config: Promise<SanitizedConfig> | SanitizedConfig): Promise<AulaHttpServer> {
  const rateLimits = { ...readRateLimits({}), enabled: false }
  const traced = (handler: RouteHandler) => withRequestTracing(handler, config)
  const handlers: Record<string, RouteHandler> = {
    GET: traced(withCatalogCache(withRateLimits(REST_GET(config) as RouteHandler, config, rateLimits), config)),
    POST: traced(withRateLimits(REST_POST(config) as RouteHandler, config, rateLimits)),
    PATCH: traced(REST_PATCH(config) as RouteHandler),
    PUT: traced(REST_PUT(config) as RouteHandler),
    DELETE: traced(REST_DELETE(config) as RouteHandler),
    // A browser's CORS preflight (a site on another origin).
    OPTIONS: traced(REST_OPTIONS(config) as RouteHandler),
  }
  const graphql = withRequestTracing(refuseCostlyQueries(GRAPHQL_POST(config) as (request: Request) => Promise<Response>), config)

  const server = http.createServer(async (incoming, outgoing) => {
    const gone = new AbortController()
    outgoing.on('close', () => gone.abort())
    try {
      const url = new URL(incoming.url ?? '/', `http://${incoming.headers.host ?? '127.0.0.1'}`)
      const headers = new Headers()
      for (let n = 0; n < incoming.rawHeaders.length; n += 2) headers.append(incoming.rawHeaders[n], incoming.rawHeaders[n + 1])
      const method = incoming.method ?? 'GET'
      const chunks: Buffer[] = []
      if (method !== 'GET' && method !== 'HEAD') for await (const chunk of incoming) chunks.push(chunk as Buffer)
      const request = new Request(url, { method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined, signal: gone.signal })
      const slug = url.pathname.replace(/^\/api\//, '').split('/').map(decodeURIComponent)
      const handler = url.pathname === '/api/graphql' && method === 'POST' ? graphql : handlers[method]
      if (!handler) {
        outgoing.writeHead(405).end()
        return
      }
      const response = await handler(request, { params: Promise.resolve({ slug }) })
      const responseHeaders: Record<string, string | string[]> = Object.fromEntries(response.headers)
      const cookies = response.headers.getSetCookie()
      if (cookies.length) responseHeaders['set-cookie'] = cookies
      outgoing.writeHead(response.status, responseHeaders)
      outgoing.flushHeaders()
      if (!response.body) {
        outgoing.end()
        return
      }
      const reader = response.body.getReader()
      outgoing.on('close', () => void reader.cancel().catch(() => undefined))
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        outgoing.write(value)
      }
      outgoing.end()
    } catch {
      if (!outgoing.headersSent) outgoing.writeHead(500)
      outgoing.end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
