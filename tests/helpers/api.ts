import {
  GRAPHQL_POST,
  REST_DELETE,
  REST_GET,
  REST_PATCH,
  REST_POST,
  REST_PUT,
} from '@payloadcms/next/routes'
import type { SanitizedConfig } from 'payload'

import { withCatalogCache } from '../../src/catalogCache/withCatalogCache'
import { withCatalogFastPath } from '../../src/catalogFastPath/withCatalogFastPath'
import { refuseCostlyQueries } from '../../src/graphql/refuseCostlyQueries'
import { withRequestTracing } from '../../src/observability/withRequestTracing'
import type { RateLimitSettings } from '../../src/rateLimit/rules'
import { withRateLimits } from '../../src/rateLimit/withRateLimits'

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
type RouteHandler = (request: Request, args: { params: Promise<{ slug: string[] }> }) => Promise<Response>

export interface ApiResponse<T = any> {
  status: number
  headers: Headers
  body: T
  text: string
}

export interface RequestOptions {
  token?: string
  body?: unknown
  headers?: Record<string, string>
}

/**
 * Calls Aula's real Next.js route handlers (the ones `src/app/(payload)/api` exports) in-process:
 * the same request parsing, auth, access control and error mapping a browser or frontend gets.
 */
export class ApiClient {
  private readonly handlers: Record<Method, RouteHandler>
  private readonly graphqlHandler: (request: Request) => Promise<Response>

  constructor(
    private readonly config: Promise<SanitizedConfig> | SanitizedConfig,
    private readonly baseUrl: string,
    rateLimits: RateLimitSettings,
  ) {
    const traced = (handler: RouteHandler) => withRequestTracing(handler, config)
    this.handlers = {
      // Wrapped exactly as src/app/(payload)/api/[...slug]/route.ts wraps them.
      GET: traced(withCatalogCache(withRateLimits(withCatalogFastPath(REST_GET(config) as RouteHandler, config), config, rateLimits), config)),
      POST: traced(withRateLimits(REST_POST(config) as RouteHandler, config, rateLimits)),
      PATCH: traced(REST_PATCH(config) as RouteHandler),
      PUT: traced(REST_PUT(config) as RouteHandler),
      DELETE: traced(REST_DELETE(config) as RouteHandler),
    }
    this.graphqlHandler = withRequestTracing(
      withRateLimits(refuseCostlyQueries(GRAPHQL_POST(config) as (request: Request) => Promise<Response>), config, rateLimits),
      config,
    )
  }

  /** The route's handler for `method`, as Next (or Aula's server, src/server/registrationRoute.ts) calls it. */
  routeHandler(method: Method): RouteHandler {
    return this.handlers[method]
  }

  /** `path` is everything after `/api`, query string included: `/webinars?limit=5`. */
  async request<T = any>(method: Method, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const url = new URL(`/api${path}`, this.baseUrl)
    const headers = new Headers(options.headers)
    let body: BodyInit | undefined
    if (options.body instanceof FormData) {
      body = options.body
    } else if (typeof options.body === 'string') {
      body = options.body
      if (!headers.has('content-type')) headers.set('content-type', 'application/json')
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body)
      headers.set('content-type', 'application/json')
    }
    if (options.token) headers.set('authorization', `JWT ${options.token}`)
    const request = new Request(url, { method, headers, body })
    const slug = url.pathname.replace(/^\/api\//, '').split('/').map(decodeURIComponent)
    const response = await this.handlers[method](request, { params: Promise.resolve({ slug }) })
    return readResponse<T>(response)
  }

  /** A GET answering a file (a zip, a PDF): its raw bytes beside the status and headers. */
  async getBytes(path: string, options: Pick<RequestOptions, 'token' | 'headers'> = {}): Promise<{ status: number; headers: Headers; bytes: Uint8Array }> {
    const url = new URL(`/api${path}`, this.baseUrl)
    const headers = new Headers(options.headers)
    if (options.token) headers.set('authorization', `JWT ${options.token}`)
    const slug = url.pathname.replace(/^\/api\//, '').split('/').map(decodeURIComponent)
    const response = await this.handlers.GET(new Request(url, { headers }), { params: Promise.resolve({ slug }) })
    return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) }
  }

  get = <T = any>(path: string, options?: RequestOptions) => this.request<T>('GET', path, options)
  post = <T = any>(path: string, body?: unknown, options?: RequestOptions) => this.request<T>('POST', path, { ...options, body })
  patch = <T = any>(path: string, body?: unknown, options?: RequestOptions) => this.request<T>('PATCH', path, { ...options, body })
  delete = <T = any>(path: string, options?: RequestOptions) => this.request<T>('DELETE', path, options)

  async graphql<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<ApiResponse<{ data?: T; errors?: { message: string; extensions?: any }[] }>> {
    const headers = new Headers({ 'content-type': 'application/json' })
    if (token) headers.set('authorization', `JWT ${token}`)
    const request = new Request(new URL('/api/graphql', this.baseUrl), {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    })
    return readResponse(await this.graphqlHandler(request))
  }

  async login(email: string, password: string): Promise<string> {
    const response = await this.post('/users/login', { email, password })
    if (response.status !== 200) throw new Error(`Login as ${email} failed: ${response.status} ${response.text}`)
    return response.body.token as string
  }
}

async function readResponse<T>(response: Response): Promise<ApiResponse<T>> {
  const text = await response.text()
  let body: any = text
  if ((response.headers.get('content-type') ?? '').includes('json') && text) body = JSON.parse(text)
  return { status: response.status, headers: response.headers, body, text }
}

/** What Payload answers `path` now with the catalog cache off (`AULA_CATALOG_CACHE=off`, read per request), as text. */
export async function uncachedText(api: ApiClient, path: string): Promise<string> {
  process.env.AULA_CATALOG_CACHE = 'off'
  try {
    return (await api.get(path)).text
  } finally {
    delete process.env.AULA_CATALOG_CACHE
  }
}
