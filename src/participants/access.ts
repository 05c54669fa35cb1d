import { APIError, type PayloadRequest } from 'payload'

import { checkRole } from '../access'
import { itemsTaughtBy } from '../access/itemsTaughtBy'
import { say } from '../i18n/say'
import type { ItemCollection } from '../enrollment/statuses'

export interface ParticipantAbilities {
  /** Read the list and export it: staff who read every enrollment, and the item's own instructors. */
  view: boolean
  /** Tick attendance: the product's rule for the `attended` field (an admin or an instructor of this item). */
  markAttendance: boolean
  /** Write to the participants: the people who speak for the business (admins, editors, sales), not instructors. */
  email: boolean
}

/** What the caller may do on one item's participants page; one lookup of the items they teach. */
export async function participantAbilities(req: PayloadRequest, collection: ItemCollection, itemId: number): Promise<ParticipantAbilities> {
  const { user } = req
  if (!user) return { view: false, markAttendance: false, email: false }
  const readsAll = checkRole(['admin', 'editor', 'sales'], user)
  const teaches = checkRole(['instructor'], user) ? (await itemsTaughtBy(req, user.id))[collection].includes(itemId) : false
  return {
    view: readsAll || teaches,
    markAttendance: checkRole(['admin'], user) || teaches,
    email: readsAll,
  }
}

/** 401 for no login, 403 naming what is missing; the item's existence is checked before (404). */
export async function requireAbility(req: PayloadRequest, collection: ItemCollection, itemId: number, ability: keyof ParticipantAbilities): Promise<ParticipantAbilities> {
  if (!req.user) throw new APIError(say(req, { es: 'Inicia sesión para ver a los participantes.', en: 'Log in to see participants.' }), 401, undefined, true)
  const abilities = await participantAbilities(req, collection, itemId)
  if (!abilities[ability]) {
    const messages = {
      view: { es: 'No puedes ver a los participantes de este curso o webinar.', en: 'You may not see the participants of this course or webinar.' },
      markAttendance: { es: 'Solo los administradores y los instructores de este curso o webinar marcan asistencia.', en: 'Only admins and instructors of this course or webinar mark attendance.' },
      email: { es: 'Solo administración, edición y ventas escriben a los participantes.', en: 'Only admins, editors and sales email the participants.' },
    }
    throw new APIError(say(req, messages[ability]), 403, undefined, true)
  }
  return abilities
}
