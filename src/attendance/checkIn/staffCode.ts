import { APIError, type PayloadRequest } from 'payload'
import QRCode from 'qrcode'

import type { ItemCollection } from '../../enrollment/statuses'
import { say } from '../../i18n/say'
import { getClock } from '../../utilities/clock'
import { formatWithZone } from '../../utilities/localTime'
import { canMarkAttendance } from '../permissions'
import { checkInCode, checkInWindow } from './code'
import { checkInPath, findCheckInPlace } from './target'

/**
 * What the roster screen shows the class: the code, its window, the check-in page's address and a QR
 * of it (the code included, so a phone only has to confirm). Only people who may mark this
 * session's attendance see it: with the code anyone enrolled could mark themselves present.
 */
export async function staffCheckInCode(req: PayloadRequest, collection: ItemCollection, itemId: number, sessionId: string | null) {
  if (!req.user) throw new APIError(say(req, { es: 'Inicia sesión.', en: 'Log in.' }), 401, undefined, true)
  const place = await findCheckInPlace(req, collection, itemId, sessionId)
  if (!(await canMarkAttendance(req, collection, itemId, sessionId))) {
    throw new APIError(say(req, { es: 'Solo los administradores y los instructores de esta sesión ven su código.', en: 'Only admins and the instructors of this session see its code.' }), 403, undefined, true)
  }
  const code = checkInCode(req.payload.secret, place)
  const { opensAt, closesAt } = checkInWindow(place)
  const now = getClock(req.payload).now()
  const language = req.i18n?.language === 'en' ? 'en' : 'es'
  const url = `${req.payload.config.serverURL}${req.payload.config.routes.api}${checkInPath(place)}?code=${code}`
  return {
    code,
    state: now < opensAt ? 'not_open' : now > closesAt ? 'closed' : 'open',
    opensAt: opensAt.toISOString(),
    closesAt: closesAt.toISOString(),
    opensAtText: formatWithZone(opensAt, place.timezone, language),
    closesAtText: formatWithZone(closesAt, place.timezone, language),
    url,
    qr: await QRCode.toDataURL(url, { margin: 2, width: 360, errorCorrectionLevel: 'M' }),
  }
}
