import { match, type MatchFunction } from 'path-to-regexp'

const compiled = new Map<string, MatchFunction>()

/**
 * Whether Payload's router would match an endpoint's `path` against a request path: the same
 * path-to-regexp version Payload routes with (case-insensitive, optional trailing slash, one
 * segment per parameter), so a rate-limited route is found however the path is spelled.
 */
export function endpointPathMatches(pattern: string, pathname: string): boolean {
  let matcher = compiled.get(pattern)
  if (!matcher) {
    matcher = match(pattern, { decode: decodeURIComponent })
    compiled.set(pattern, matcher)
  }
  return matcher(pathname) !== false
}
