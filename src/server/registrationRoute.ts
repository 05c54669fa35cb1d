import fs from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createRequire } from 'node:module'
import path from 'node:path'

import { fastPathsEnabled } from '../config/fastPaths'
import { refererIsAdminPage } from '../i18n/adminPage'

/**
 * The launch-day request, `POST /api/webinars/:id/register` (and a course's `/enroll`), handed by Aula's
 * server straight to the handler Next would call for it: the `POST` export of the API route
 * (src/app/(payload)/api/[...slug]/route.ts, with its tracing and rate limits), taken from the route module
 * Next itself loaded — one module graph, so caches, metrics and hooks are the ones every other request uses.
 * What is skipped is Next's routing around it (router, proxy matching, a `NextRequest`, a streamed copy of the
 * body, the app-route runtime): about a third of a registration's server CPU (docs/decisions/0034, option 3;
 * docs/benchmarks.md). Next still answers anything else, and these paths too when `AULA_FAST_PATHS=off`,
 * when the body is not a small one of known length, or when an admin page sent it (the one case src/proxy.ts
 * changes an API call).
 */
const REGISTRATION_PATH = /^\/api\/(?:webinars\/\d+\/register|courses\/\d+\/enroll)$/
/** A registration's body is a few hundred bytes; anything else is Next's to refuse or stream. */
const MAX_BODY_BYTES = 64 * 1024

type RouteHandler = (request: Request, context: { params: Promise<{ slug: string[] }> }) => Promise<Response>
interface ConfigHeaders { regex: string; headers: { key: string; value: string }[]; has?: unknown; missing?: unknown }
export type RegistrationRoute = (request: IncomingMessage, response: ServerResponse) => boolean

/**
 * The route for a production build in `distDir`, or null (with the reason logged) when the build does not
 * have what it needs: then Next answers every request, as before.
 */
export async function loadRegistrationRoute(distDir: string, log: (message: string) => void = console.warn): Promise<RegistrationRoute | null> {
  try {
    const require = createRequire(import.meta.url)
    // Node's module cache: the very module Next loads for /api/[...slug] (its entry is a CommonJS file).
    const entry = require(path.join(distDir, 'server/app/(payload)/api/[...slug]/route.js')) as { routeModule?: { ensureUserland?: () => Promise<void>; userland?: { POST?: unknown } } }
    const routeModule = entry.routeModule
    await routeModule?.ensureUserland?.()
    const post = routeModule?.userland?.POST
    if (typeof post !== 'function') throw new Error('the API route module has no POST handler')
    const manifest = JSON.parse(fs.readFileSync(path.join(distDir, 'routes-manifest.json'), 'utf8')) as { headers?: ConfigHeaders[] }
    return registrationRoute(post as RouteHandler, headersFromConfig(manifest.headers ?? []))
  } catch (error) {
    log(`Registrations go through Next's router: ${(error as Error).message}`)
    return null
  }
}

/** next.config's `headers()` as Next sets them on a response (unconditional rules only: these requests carry no `has`). */
function headersFromConfig(rules: ConfigHeaders[]): (pathname: string) => { key: string; value: string }[] {
  const unconditional = rules.filter((rule) => !rule.has && !rule.missing).map((rule) => ({ pattern: new RegExp(rule.regex), headers: rule.headers }))
  return (pathname) => unconditional.filter((rule) => rule.pattern.test(pathname)).flatMap((rule) => rule.headers)
}

export function registrationRoute(post: RouteHandler, configHeaders: (pathname: string) => { key: string; value: string }[]): RegistrationRoute {
  return (request, response) => {
    if (request.method !== 'POST' || !fastPathsEnabled()) return false
    const url = request.url ?? ''
    const query = url.indexOf('?')
    const pathname = query === -1 ? url : url.slice(0, query)
    if (!REGISTRATION_PATH.test(pathname)) return false
    const length = Number(request.headers['content-length'])
    if (!Number.isInteger(length) || length < 0 || length > MAX_BODY_BYTES || request.headers['transfer-encoding'] !== undefined) return false
    // An admin page's own API calls may need their language fixed by src/proxy.ts, which only Next runs.
    if (refererIsAdminPage(request.headers.referer)) return false
    void answer(request, response, { post, pathname, url, length, configHeaders: configHeaders(pathname) })
    return true
  }
}

interface Call { post: RouteHandler; pathname: string; url: string; length: number; configHeaders: { key: string; value: string }[] }

async function answer(request: IncomingMessage, response: ServerResponse, call: Call): Promise<void> {
  try {
    const body = await readBody(request, call.length)
    const headers = new Headers()
    for (const [name, value] of Object.entries(request.headers)) {
      if (Array.isArray(value)) for (const item of value) headers.append(name, item)
      else if (value !== undefined) headers.set(name, value)
    }
    const slug = call.pathname.slice('/api/'.length).split('/')
    const web = new Request(`http://${request.headers.host ?? 'localhost'}${call.url}`, { method: 'POST', headers, body })
    const answered = await call.post(web, { params: Promise.resolve({ slug }) })
    response.statusCode = answered.status
    for (const header of call.configHeaders) response.setHeader(header.key, header.value)
    answered.headers.forEach((value, name) => {
      if (name !== 'set-cookie') response.setHeader(name, value)
    })
    const cookies = answered.headers.getSetCookie()
    if (cookies.length) response.setHeader('set-cookie', cookies)
    response.end(Buffer.from(await answered.arrayBuffer()))
  } catch (error) {
    // The route's own wrappers answer every error it raises; this is a body that never came, or a bug here.
    console.error('registration route:', error)
    if (response.headersSent) response.destroy()
    else {
      response.statusCode = (error as { status?: number }).status ?? 500
      response.setHeader('content-type', 'application/json')
      response.end(JSON.stringify({ errors: [{ message: response.statusCode === 400 ? 'The request body did not arrive whole.' : 'Something went wrong.' }] }))
    }
  }
}

/** The body of announced length (Node's parser delivers no more than that), or a 400 when the client sends less. */
function readBody(request: IncomingMessage, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let received = 0
    const fail = () => reject(Object.assign(new Error('incomplete request body'), { status: 400 }))
    request.on('data', (chunk: Buffer) => {
      received += chunk.length
      chunks.push(chunk)
    })
    request.on('end', () => (received === length ? resolve(Buffer.concat(chunks, length)) : fail()))
    request.on('aborted', fail)
    request.on('error', fail)
  })
}
