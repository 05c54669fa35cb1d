import { type CollectionBeforeChangeHook, ValidationError } from 'payload'

import { scopeKeyFor } from '../../../certificates/pdf/resolveDesign'
import { idOf } from '../../../crm/ids'
import { say } from '../../../i18n/say'

type ItemRelation = { relationTo: string; value: number | { id: number } } | null | undefined

/**
 * One design per target: the default, a category, or an item. The key lands in a unique column, so two
 * staff saving at once cannot both win; checking first lets the refusal name the field people see.
 */
export const setScopeKey: CollectionBeforeChangeHook = async ({ data, originalDoc, req, collection }) => {
  const scope = (data.scope ?? originalDoc?.scope ?? 'category') as 'default' | 'category' | 'item'
  const category = idOf(data.category !== undefined ? data.category : originalDoc?.category)
  const item = (data.item !== undefined ? data.item : originalDoc?.item) as ItemRelation
  const itemId = item ? idOf(item.value) : null
  const path = scope === 'default' ? 'scope' : scope
  const key = scope === 'category' ? scopeKeyFor('category', category) : scope === 'item' ? (item && itemId ? scopeKeyFor('item', { relationTo: item.relationTo, id: itemId }) : null) : 'default'
  const fail = (message: { es: string; en: string }) => {
    throw new ValidationError({ collection: collection.slug, errors: [{ path, message: say(req, message) }], req }, req.t)
  }
  if (!key) fail(scope === 'category' ? { es: 'Elige la categoría.', en: 'Choose the category.' } : { es: 'Elige el webinar o curso.', en: 'Choose the webinar or course.' })
  const taken = await req.payload.find({
    collection: 'certificate-designs',
    where: { and: [{ scopeKey: { equals: key } }, ...(originalDoc?.id ? [{ id: { not_equals: originalDoc.id } }] : [])] },
    select: { name: true },
    limit: 1,
    pagination: false,
    overrideAccess: true,
    req,
  })
  if (taken.docs[0]) fail({ es: `Ya existe un diseño para esto: «${taken.docs[0].name}».`, en: `A design for this already exists: “${taken.docs[0].name}”.` })
  // Only the chosen target stays, so a design never looks as if it covered two things.
  return { ...data, scopeKey: key, category: scope === 'category' ? category : null, item: scope === 'item' ? item : null }
}
