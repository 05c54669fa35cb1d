import { getPayload, type Payload, type SanitizedConfig } from 'payload'

import { callerIdOf } from './callerId'
import { withRequestIdInErrorBody } from './errorBody'
import { httpDuration, httpRequests } from './metrics'
import { runInRequestContext } from './requestContext'
import { REQUEST_ID_HEADER, requestIdFor } from './requestId'
import { queryNamesOf, routeOf } from './routes'

type Handler<A extends unknown[]> = (request: Request, ...rest: A) => Promise<Response>

const failed = (requestId: string) =>
  Response.json({ errors: [{ message: 'Something went wrong.' }], requestId }, { status: 500, headers: { 'Cache-Control': 'no-store' } })

/** Headers of a Response built elsewhere may be immutable (a fetched one): then it is copied. */
const withHeader = (response: Response, name: string, value: string): Response => {
  try {
    response.headers.set(name, value)
    return response
  } catch {
    const headers = new Headers(response.headers)
    headers.set(name, value)
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers })
  }
}

/**
 * The outermost wrapper of Aula's API route handlers (REST and GraphQL): gives the request its id
 * (the caller's `X-Request-Id` when acceptable, else a new one), runs it inside the request context
 * so every log line carries the id, returns the id in the `X-Request-Id` header and in JSON error
 * bodies, then writes one log line for the request and counts it in the HTTP metrics.
 * Nothing personal is logged: the route keeps ids but not tokens or file names, the query string
 * only by parameter names, the caller only by user id.
 */
export function withRequestTracing<A extends unknown[]>(handler: Handler<A>, config: Promise<SanitizedConfig> | SanitizedConfig): Handler<A> {
  return async (request, ...rest) => {
    const started = performance.now()
    const requestId = requestIdFor(request)
    // Payload starts its job crons on first use, exactly as the handler would (`cron: true`); done
    // here, outside the request context, so timers it creates do not inherit this request's id.
    let payload = await loadPayload(config)
    return runInRequestContext({ requestId }, async () => {
      const url = new URL(request.url)
      let response: Response
      try {
        response = await withRequestIdInErrorBody(await handler(request, ...rest), requestId, { graphql: url.pathname.endsWith('/graphql') })
      } catch (error) {
        payload ??= await loadPayload(config)
        payload?.logger.error({ err: error, msg: 'Unhandled error in a route handler' })
        response = failed(requestId)
      }
      response = withHeader(response, REQUEST_ID_HEADER, requestId)
      // A frontend on another origin may read the id (to show it with an error) only if it is exposed.
      if (response.headers.has('access-control-allow-origin')) response.headers.append('Access-Control-Expose-Headers', REQUEST_ID_HEADER)
      payload ??= await loadPayload(config)
      if (payload) await record(payload, request, url, response.status, (performance.now() - started) / 1000)
      return response
    })
  }
}

/** Undefined while Payload cannot start (the database is out at a cold start): the handler answers that itself. */
const loadPayload = (config: Promise<SanitizedConfig> | SanitizedConfig): Promise<Payload | undefined> =>
  getPayload({ config, cron: true }).catch(() => undefined)

async function record(payload: Payload, request: Request, url: URL, status: number, seconds: number): Promise<void> {
  const method = request.method
  const template = routeOf(url.pathname, payload.config, { ids: 'template' })
  httpRequests.inc({ method, route: template, status: String(status) })
  httpDuration.observe({ method, route: template }, seconds)
  const route = routeOf(url.pathname, payload.config, { ids: 'keep' })
  const line = {
    msg: `${method} ${route} ${status}`,
    method,
    route,
    query: url.search ? queryNamesOf(url.searchParams) : undefined,
    status,
    durationMs: Math.round(seconds * 10_000) / 10,
    userId: await callerIdOf(request, payload),
  }
  if (status >= 500) payload.logger.error(line)
  else payload.logger.info(line)
}
