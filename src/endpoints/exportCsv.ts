import { APIError, type Endpoint, type PayloadRequest, type Where } from 'payload'

import { say } from '../i18n/say'
import { csvLine } from '../utilities/csv'
import { exportDefinitions, headerOf, withRelated } from './exportColumns'
import { exportContext } from './exportContext'

export const EXPORT_PAGE_SIZE = 500

/**
 * `GET /api/<collection>/export.csv?where[...]&sort=&locale=`: the rows the caller may read
 * (`overrideAccess: false`), filtered with the same `where` the list view sends (Payload has already
 * parsed the query string into `req.query`), written page by page (500 rows) into a stream, so a
 * large export never sits in memory at once. Headers and values follow the caller's admin language
 * (statuses by their labels, Sí/No), and times are local with their zone named (exportContext.ts).
 */
export const exportCsvEndpoint = (collection: keyof typeof exportDefinitions | string): Endpoint => ({
  path: '/export.csv',
  method: 'get',
  handler: async (req) => {
    if (!req.user) throw new APIError(say(req, { es: 'Inicia sesión para exportar.', en: 'Log in to export.' }), 401, undefined, true)
    const definition = exportDefinitions[collection]
    if (!definition) throw new APIError(`${collection} has no CSV export.`, 404, undefined, true)
    const query = (req.query ?? {}) as { where?: Where; sort?: string; locale?: string }
    const language = exportLanguage(req, query.locale)
    // Cells read as on screen: labels in this language, Sí/No, times in the business or the item's zone.
    const ctx = await exportContext(req, collection, language)
    const fetchPage = async (page: number) => {
      // Access is the caller's: Forbidden (403) when they may not read the collection, only their rows otherwise.
      const result = await req.payload.find({
        collection: collection as 'users',
        where: query.where,
        sort: typeof query.sort === 'string' ? query.sort : 'id',
        page,
        limit: EXPORT_PAGE_SIZE,
        depth: 0,
        overrideAccess: false,
        user: req.user,
        req,
      })
      const docs = definition.related ? withRelated(result.docs, await definition.related(req, result.docs)) : result.docs
      return { text: docs.map((doc) => csvLine(definition.columns.map((column) => column.value(doc, ctx)))).join(''), hasNextPage: result.hasNextPage }
    }
    // The first page is read before answering, so a refusal is a proper status and not a broken download.
    let next = await fetchPage(1)
    let page = 1
    const encoder = new TextEncoder()
    const header = csvLine(definition.columns.map((column) => headerOf(column, ctx)))
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(`\uFEFF${header}`))
      },
      async pull(controller) {
        try {
          controller.enqueue(encoder.encode(next.text))
          if (!next.hasNextPage) return controller.close()
          page += 1
          next = await fetchPage(page)
        } catch (error) {
          req.payload.logger.error({ err: error, msg: `CSV export of ${collection} failed at page ${page}` })
          controller.error(error)
        }
      },
    })
    const date = new Date().toISOString().slice(0, 10)
    return new Response(body, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${collection}-${date}.csv"`,
        'cache-control': 'no-store',
      },
    })
  },
})

/**
 * Column headers in Spanish or English: `?locale=` when given, else the admin language the browser
 * is using (Payload's `payload-lng` cookie, set by the language switch and at login), else the
 * user's `language` field, else Spanish.
 */
export function exportLanguage(req: PayloadRequest, locale?: unknown): 'es' | 'en' {
  const cookie = req.headers.get('cookie')?.match(new RegExp(`(?:^|;\\s*)${req.payload.config.cookiePrefix || 'payload'}-lng=([a-z]+)`))?.[1]
  const candidates = [locale, cookie, (req.user as { language?: string } | null)?.language]
  return candidates.find((candidate) => candidate === 'es' || candidate === 'en') === 'en' ? 'en' : 'es'
}
