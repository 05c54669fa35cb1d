import type { PayloadRequest } from 'payload'

import { courseBegins } from './items'

/** When a webinar starts or a course begins (its first class: `courseBegins`); null when unknown. */
export async function itemStartsAt(req: PayloadRequest, item: unknown): Promise<Date | null> {
  const ref = item as { relationTo?: 'webinars' | 'courses'; value?: number | { id: number } } | undefined
  if (!ref?.relationTo || !ref.value) return null
  const id = typeof ref.value === 'object' ? ref.value.id : ref.value
  const doc = await req.payload.findByID({ collection: ref.relationTo, id, depth: 0, req, overrideAccess: true, select: { startsAt: true, startDate: true, timezone: true } as never })
  if (ref.relationTo === 'courses') return courseBegins(req, id, { startDate: (doc as { startDate?: string }).startDate, timezone: (doc as { timezone?: string }).timezone })
  const value = (doc as { startsAt?: string }).startsAt
  return value ? new Date(value) : null
}
