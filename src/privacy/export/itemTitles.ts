import type { PayloadRequest } from 'payload'

import { idOf } from '../../crm/ids'
import type { Doc } from './types'

type ItemRef = { relationTo: 'webinars' | 'courses'; value: unknown }

/**
 * Rows name their webinar or course by id; the export names it by title too, read in one query per
 * collection (never one per row). Returns a function turning a row's `item` into `{collection, id, title}`.
 */
export async function itemNamer(req: PayloadRequest, rows: Doc[]): Promise<(item: ItemRef | null | undefined) => Doc | null> {
  const titles = new Map<string, string>()
  for (const collection of ['webinars', 'courses'] as const) {
    const ids = [...new Set(rows.filter((row) => row.item?.relationTo === collection).map((row) => idOf(row.item.value)))].filter((id): id is number => id !== null)
    if (!ids.length) continue
    const { docs } = await req.payload.find({ collection, where: { id: { in: ids } }, pagination: false, depth: 0, select: { title: true }, overrideAccess: true, req })
    for (const doc of docs) titles.set(`${collection}:${doc.id}`, String(doc.title ?? ''))
  }
  return (item) => {
    const id = item ? idOf(item.value) : null
    if (!item || id === null) return null
    return { collection: item.relationTo, id, title: titles.get(`${item.relationTo}:${id}`) ?? null }
  }
}
