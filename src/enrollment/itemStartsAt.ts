import type { PayloadRequest } from 'payload'

/** When a webinar starts or a course begins (null when unknown). */
export async function itemStartsAt(req: PayloadRequest, item: unknown): Promise<Date | null> {
  const ref = item as { relationTo?: 'webinars' | 'courses'; value?: number | { id: number } } | undefined
  if (!ref?.relationTo || !ref.value) return null
  const id = typeof ref.value === 'object' ? ref.value.id : ref.value
  const doc = await req.payload.findByID({ collection: ref.relationTo, id, depth: 0, req, overrideAccess: true, select: { startsAt: true, startDate: true } as never })
  const value = (doc as { startsAt?: string; startDate?: string }).startsAt ?? (doc as { startDate?: string }).startDate
  return value ? new Date(value) : null
}
