import type { Endpoint, SanitizedConfig } from 'payload'

import { endpointPathMatches } from './endpointPathMatches'

/** The endpoint Payload will run: the collection (or global) it belongs to and its declared path. */
export interface ResolvedRoute {
  collection?: string
  global?: string
  method: string
  path: string
}

/**
 * Finds the endpoint for a request exactly as Payload's `handleEndpoints` does: from the segments
 * Next resolved (already percent-decoded; Payload re-encodes them), collection slugs compared as
 * they are, endpoint paths matched as path-to-regexp does (case-insensitive, trailing slash optional),
 * and `X-HTTP-Method-Override: GET` turning a POST into a read. So `/api/users/LOGIN`,
 * `/api/webinars/1/%72egister` and `/api/leads/` are limited like the spellings Payload treats
 * them as. Rules then name endpoints, not strings.
 */
export function resolvePayloadRoute(config: SanitizedConfig, request: Request, slug: string[]): ResolvedRoute | null {
  const method = overriddenMethod(request).toLowerCase()
  let pathname = `/${slug.map((segment) => encodeURIComponent(segment)).join('/')}`
  const isGlobal = pathname.startsWith('/globals')
  if (isGlobal) pathname = pathname.replace('/globals', '')
  const first = pathname.split('/')[1]
  const collection = isGlobal ? undefined : config.collections.find((each) => each.slug === first)
  const global = isGlobal ? config.globals.find((each) => each.slug === first) : undefined
  const owner = collection ?? global
  const endpoints: Endpoint[] | false = owner ? owner.endpoints : config.endpoints
  if (owner) pathname = pathname.replace(`/${owner.slug}`, '')
  if (pathname === '') pathname = '/'
  if (!endpoints) return null
  const endpoint = endpoints.find((each) => each.method === method && endpointPathMatches(each.path, pathname))
  if (!endpoint) return null
  return { collection: collection?.slug, global: global?.slug, method, path: endpoint.path }
}

const overriddenMethod = (request: Request) =>
  request.method.toLowerCase() === 'post' &&
  (request.headers.get('X-Payload-HTTP-Method-Override') === 'GET' || request.headers.get('X-HTTP-Method-Override') === 'GET')
    ? 'GET'
    : request.method
