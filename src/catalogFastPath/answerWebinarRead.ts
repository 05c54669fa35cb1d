import type { Payload } from 'payload'
import type { Pool } from 'pg'

import { seatsLeftOf } from '../fields/seats'
import type { WebinarRead } from './webinarRead'
import { webinarStatement } from './webinarSql'

type Doc = Record<string, unknown>

/**
 * Payload's answer to an anonymous webinar read, from one SQL statement (plus Payload's own media
 * read when a page shows images at depth 1). `undefined` when Payload must answer instead: no such
 * webinar (its 404 is Payload's), or a description whose links and uploads Payload populates.
 */
export async function answerWebinarRead(payload: Payload, read: WebinarRead): Promise<unknown> {
  const pool = (payload.db as unknown as { pool: Pool }).pool
  const { text, values } = webinarStatement(read)
  if (read.kind === 'byId') {
    const { rows } = await pool.query<{ doc: Doc }>(text, values)
    const doc = rows[0]?.doc
    return doc && (await completeDocs(payload, [doc], read.depth)) ? doc : undefined
  }
  const { rows } = await pool.query<{ total: number; docs: Doc[] }>(text, values)
  const { total, docs } = rows[0]!
  if (!(await completeDocs(payload, docs, read.depth))) return undefined
  return paginated(docs, total, read)
}

/** The computed fields, with the functions their hooks use, and the images at depth 1. */
async function completeDocs(payload: Payload, docs: Doc[], depth: 0 | 1): Promise<boolean> {
  for (const doc of docs) {
    // Lexical populates the documents an upload, relationship or internal link node points to.
    if (doc.description && JSON.stringify(doc.description).includes('"relationTo"')) return false
    doc.timezone = doc.startsAt_tz ?? null
    doc.seatsLeft = seatsLeftOf(doc.capacity as number | null, doc.seatsTaken as number | null)
  }
  if (depth === 1) await embedImages(payload, docs)
  return true
}

/** The media documents as Payload populates an upload at depth 1: read anonymously, URLs made by the storage adapter. */
async function embedImages(payload: Payload, docs: Doc[]) {
  const ids = [...new Set(docs.map((doc) => doc.image).filter((id): id is number => typeof id === 'number'))]
  if (ids.length === 0) return
  const media = await payload.find({
    collection: 'media',
    where: { id: { in: ids } },
    depth: 0,
    pagination: false,
    overrideAccess: false,
  })
  const byId = new Map(media.docs.map((image) => [image.id, image]))
  for (const doc of docs) if (typeof doc.image === 'number' && byId.has(doc.image)) doc.image = byId.get(doc.image)
}

/** Payload's pagination fields, as @payloadcms/drizzle's findMany makes them. */
function paginated(docs: Doc[], total: number, { limit, page, joined }: { limit: number; page: number; joined: boolean }) {
  // Through a join it first selects the page's ids, and an empty page is answered before counting.
  if (joined && docs.length === 0) {
    return { docs, hasNextPage: false, hasPrevPage: false, limit, nextPage: null, page: 1, pagingCounter: 0, prevPage: null, totalDocs: 0, totalPages: 0 }
  }
  if (total === 0) {
    return {
      docs,
      hasNextPage: false,
      hasPrevPage: false,
      limit,
      nextPage: null,
      page,
      pagingCounter: 1,
      prevPage: null,
      totalDocs: 0,
      totalPages: 1,
    }
  }
  const totalPages = Math.ceil(total / limit)
  const hasNextPage = totalPages > page
  const hasPrevPage = page > 1
  return {
    docs,
    hasNextPage,
    hasPrevPage,
    limit,
    nextPage: hasNextPage ? page + 1 : null,
    page,
    pagingCounter: (page - 1) * limit + 1,
    prevPage: hasPrevPage ? page - 1 : null,
    totalDocs: total,
    totalPages,
  }
}
