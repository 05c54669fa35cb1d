import type { Payload, PayloadRequest } from 'payload'

import type { CertificateItemCollection } from '../types'
import { BUILT_IN_DESIGN, type DesignImage, type DesignWording, type ResolvedDesign } from './design'
import { designImageProblem } from './imageRules'

type Relation = number | { id: number; filename?: string | null; mimeType?: string | null; filesize?: number | null; width?: number | null; height?: number | null } | null | undefined

/** The image if it may go on a certificate; an upload replaced since the design was saved is checked again here. */
const usableImage = (value: Relation): DesignImage | null => {
  if (!value || typeof value !== 'object' || !value.filename || designImageProblem(value)) return null
  return { id: value.id, filename: value.filename, mimeType: value.mimeType as string }
}

const wordingOf = (saved: Partial<DesignWording> | null | undefined, fallback: DesignWording): DesignWording => ({
  title: saved?.title || fallback.title,
  preamble: saved?.preamble || fallback.preamble,
  body: saved?.body || fallback.body,
})

/** A saved `certificate-designs` row (depth 1) as the renderer reads it. */
export function toResolvedDesign(doc: Record<string, unknown> & { id?: number | null }): ResolvedDesign {
  const wording = (doc.wording ?? {}) as { es?: Partial<DesignWording>; en?: Partial<DesignWording> }
  return {
    id: typeof doc.id === 'number' ? doc.id : null,
    signatoryName: typeof doc.signatoryName === 'string' ? doc.signatoryName : '',
    signatoryTitle: typeof doc.signatoryTitle === 'string' && doc.signatoryTitle ? doc.signatoryTitle : null,
    pageSize: doc.pageSize === 'Letter' ? 'Letter' : 'A4',
    orientation: doc.orientation === 'portrait' ? 'portrait' : 'landscape',
    accentColor: typeof doc.accentColor === 'string' && doc.accentColor ? doc.accentColor : BUILT_IN_DESIGN.accentColor,
    background: usableImage(doc.background as Relation),
    logo: usableImage(doc.logo as Relation),
    signature: usableImage(doc.signature as Relation),
    wording: { es: wordingOf(wording.es, BUILT_IN_DESIGN.wording.es), en: wordingOf(wording.en, BUILT_IN_DESIGN.wording.en) },
  }
}

/** The key a design is stored under for what it covers (the `scopeKey` column, unique). */
export const scopeKeyFor = (scope: 'default' | 'category' | 'item', target?: { relationTo: string; id: number | string } | number | string | null): string | null => {
  if (scope === 'default') return 'default'
  if (scope === 'category') return target != null && typeof target !== 'object' ? `category:${target}` : null
  return target && typeof target === 'object' ? `${target.relationTo}:${target.id}` : null
}

async function categoryOf(payload: Payload, item: { relationTo: CertificateItemCollection; id: number }, req?: PayloadRequest): Promise<number | null> {
  const found = await payload.find({ collection: item.relationTo, where: { id: { equals: item.id } }, select: { category: true }, depth: 0, limit: 1, pagination: false, trash: true, overrideAccess: true, req })
  const category = found.docs[0]?.category
  return typeof category === 'number' ? category : category && typeof category === 'object' ? category.id : null
}

/**
 * The design a certificate for `item` uses: the item's own, else its category's, else the default
 * one, else Aula's built-in layout (id null). One query for the three candidates.
 */
export async function resolveDesign(payload: Payload, item: { relationTo: CertificateItemCollection; id: number }, req?: PayloadRequest): Promise<ResolvedDesign> {
  const category = await categoryOf(payload, item, req)
  const keys = [scopeKeyFor('item', item), category ? scopeKeyFor('category', category) : null, 'default'].filter((key): key is string => Boolean(key))
  const found = await payload.find({ collection: 'certificate-designs', where: { scopeKey: { in: keys } }, depth: 1, limit: keys.length, pagination: false, overrideAccess: true, req })
  const chosen = keys.map((key) => found.docs.find((doc) => doc.scopeKey === key)).find(Boolean)
  return chosen ? toResolvedDesign(chosen as unknown as Record<string, unknown> & { id: number }) : BUILT_IN_DESIGN
}
