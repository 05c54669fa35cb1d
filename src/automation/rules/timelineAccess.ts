import { APIError, type PayloadRequest } from 'payload'

import { checkRole, STAFF_ROLES } from '../../access'
import type { ItemCollection } from '../../enrollment/statuses'
import { say } from '../../i18n/say'
import { requireAbility } from '../../participants/access'
import type { AdminLanguage } from '../../utilities/localTime'
import { type ItemEmailPlan, itemEmailPlan } from './timelineItem'
import { type PersonEmailPlan, personEmailPlan } from './timelinePerson'

const languageOf = (req: PayloadRequest): AdminLanguage => ((req.user as { language?: string } | null)?.language === 'en' ? 'en' : 'es')
const notFound = () => new APIError('Not Found', 404, undefined, true)

/**
 * An item's email plan, for the staff who see its participants (admins, editors, sales, its own
 * instructors): 401 without a login, 403 for a non-staff caller, 404 for no such item (or a trashed
 * one), 403 for an instructor of other items.
 */
export async function readItemEmailPlan(req: PayloadRequest, collection: ItemCollection, id: number): Promise<ItemEmailPlan> {
  if (!req.user) throw new APIError(say(req, { es: 'Inicia sesión para ver los correos programados.', en: 'Log in to see the scheduled emails.' }), 401, undefined, true)
  // Not staff at all: refused before any lookup, so the answer never tells whether a draft item exists.
  if (!checkRole(STAFF_ROLES, req.user)) throw new APIError(say(req, { es: 'Solo el equipo puede ver los correos programados.', en: 'Only staff can see the scheduled emails.' }), 403, undefined, true)
  const item = await req.payload.findByID({ collection, id, depth: 0, overrideAccess: true, disableErrors: true, req })
  if (!item) throw notFound()
  await requireAbility(req, collection, id, 'view')
  return itemEmailPlan(req, collection, item as Record<string, any>, languageOf(req))
}

/**
 * A person's emails, for the person themself or for staff who may read that user (else 404, as for
 * the user document); a student asking about someone else gets 403.
 */
export async function readPersonEmailPlan(req: PayloadRequest, userId: number): Promise<PersonEmailPlan> {
  const caller = req.user
  if (!caller) throw new APIError(say(req, { es: 'Inicia sesión para ver los correos.', en: 'Log in to see the emails.' }), 401, undefined, true)
  const self = caller.collection === 'users' && Number(caller.id) === userId
  if (!self && !checkRole(STAFF_ROLES, caller)) throw new APIError(say(req, { es: 'Solo puedes ver tus propios correos.', en: 'You may only see your own emails.' }), 403, undefined, true)
  const user = self
    ? caller
    : await req.payload.findByID({ collection: 'users', id: userId, depth: 0, req, user: caller, overrideAccess: false, disableErrors: true }).catch((error) => {
        if ((error as { status?: number })?.status === 403) return null
        throw error
      })
  if (!user?.email) throw notFound()
  return personEmailPlan(req, { id: userId, email: String(user.email) }, languageOf(req))
}
