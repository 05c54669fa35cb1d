import type { CollectionAfterOperationHook, PayloadRequest } from 'payload'

/** Seconds a shared cache (CDN, reverse proxy) may serve a catalog read before asking again. */
export const PUBLIC_CATALOG_MAX_AGE_SECONDS = 5
const STALE_WHILE_REVALIDATE_SECONDS = 30

/**
 * The catalog an anonymous visitor reads is the same for every anonymous visitor, so a CDN or the
 * proxy in front of the app may keep it for a few seconds (docs/api-catalog.md): that is how the
 * catalog scales past one app process per core. Anything read with a login (staff see drafts and
 * staff-only fields) is private and never stored. `Vary` keeps the two apart in shared caches.
 */
/**
 * Only the collection's own REST read (`GET /api/webinars`, `GET /api/webinars/7`): other endpoints
 * (a registration, an email link, a staff export) run finds of their own on the same request.
 */
const isCatalogRead = (req: PayloadRequest, slug: string) => {
  if (req.method !== 'GET' || !req.url) return false
  const pathname = new URL(req.url, 'http://localhost').pathname
  return new RegExp(`^${req.payload.config.routes.api}/${slug}(/[^/]+)?/?$`).test(pathname)
}

export const cachePublicCatalogReads: CollectionAfterOperationHook = ({ collection, operation, req, result }) => {
  if (req.payloadAPI !== 'REST' || (operation !== 'find' && operation !== 'findByID') || !isCatalogRead(req, collection.slug)) return result
  req.responseHeaders = setCatalogCacheHeaders(req.responseHeaders ?? new Headers(), Boolean(req.user))
  return result
}

/** The caching headers of a catalog read (also the catalog fast path's, src/catalogFastPath). */
export function setCatalogCacheHeaders(headers: Headers, signedIn: boolean): Headers {
  headers.set(
    'Cache-Control',
    signedIn ? 'private, no-store' : `public, max-age=0, s-maxage=${PUBLIC_CATALOG_MAX_AGE_SECONDS}, stale-while-revalidate=${STALE_WHILE_REVALIDATE_SECONDS}`,
  )
  headers.set('Vary', 'Authorization, Cookie')
  return headers
}
