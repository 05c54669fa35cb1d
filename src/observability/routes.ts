import type { SanitizedConfig } from 'payload'

/** Segments of Payload's own routes that are not always listed as endpoints in the config. */
const PAYLOAD_WORDS = ['graphql', 'graphql-playground', 'globals', 'access', 'file', 'versions', 'preference', 'count', 'trash']
const MAX_QUERY_NAMES = 10
const QUERY_NAME = /^[A-Za-z0-9_-]{1,40}$/

/**
 * Every word that may appear in a route Aula serves: collection and global slugs and the fixed
 * parts of every endpoint path (Payload adds its own, like `login` or `forgot-password`, to the
 * config). Anything else in a path is caller data: an id, a token, a file name or a probe.
 */
const vocabularies = new WeakMap<SanitizedConfig, Set<string>>()
const vocabularyOf = (config: SanitizedConfig): Set<string> => {
  let words = vocabularies.get(config)
  if (words) return words
  words = new Set(PAYLOAD_WORDS)
  const addPath = (path: string | undefined) => path?.split('/').forEach((part) => part && !part.startsWith(':') && words!.add(part))
  addPath(config.routes.api)
  for (const endpoint of config.endpoints || []) addPath(endpoint.path)
  for (const entity of [...config.collections, ...config.globals]) {
    words.add(entity.slug)
    for (const endpoint of entity.endpoints || []) addPath(endpoint.path)
  }
  vocabularies.set(config, words)
  return words
}

const isId = (segment: string) => /^[0-9]{1,18}$/.test(segment)

/**
 * The path a request went to, with every segment that is not one of Aula's own words replaced.
 * `ids: 'template'` gives the metrics label (`/api/webinars/:id`: a bounded number of series);
 * `ids: 'keep'` gives the log line (`/api/webinars/12`), still without tokens or file names.
 */
export function routeOf(pathname: string, config: SanitizedConfig, { ids }: { ids: 'keep' | 'template' }): string {
  const words = vocabularyOf(config)
  return pathname
    .split('/')
    .map((segment) => {
      if (segment === '') return segment
      if (isId(segment)) return ids === 'keep' ? segment : ':id'
      return words.has(segment) ? segment : ':param'
    })
    .join('/')
}

/** The names of the query parameters (`where`, `limit`), never their values: those can hold emails and search terms. */
export function queryNamesOf(search: URLSearchParams): string[] {
  const names = new Set<string>()
  for (const key of search.keys()) {
    const name = key.split('[')[0]!
    names.add(QUERY_NAME.test(name) ? name : '?')
    if (names.size >= MAX_QUERY_NAMES) break
  }
  return [...names]
}
