import { type Endpoint, type PayloadRequest, ValidationError } from 'payload'

import { readJsonBody } from '../../endpoints/readJsonBody'
import { say } from '../../i18n/say'
import { getPrivacySettings } from '../../settings/privacySettings'
import { getClock } from '../../utilities/clock'
import { requireAdmin, requireConfirm } from '../erasure/endpoint'
import { ERASE_INACTIVE_TASK } from './eraseInactiveTask'
import { findInactivePeople, yearsBefore } from './inactive'

export const MAX_INACTIVITY_YEARS = 100
const FIRST_PAGE = 50

/** `years`: a whole number from 1 to 100; absent = the privacy settings' `inactivityYears`. */
async function yearsFrom(req: PayloadRequest, raw: unknown): Promise<number> {
  if (raw === undefined || raw === null || raw === '') return (await getPrivacySettings(req.payload, req)).inactivityYears
  const years = typeof raw === 'number' ? raw : typeof raw === 'string' && /^[0-9]{1,3}$/.test(raw) ? Number(raw) : NaN
  if (!Number.isInteger(years) || years < 1 || years > MAX_INACTIVITY_YEARS) {
    throw new ValidationError({ errors: [{ path: 'years', message: say(req, { es: `years debe ser un número entero de años entre 1 y ${MAX_INACTIVITY_YEARS}.`, en: `years must be a whole number of years from 1 to ${MAX_INACTIVITY_YEARS}.` }) }] })
  }
  return years
}

const queryParam = (req: PayloadRequest, name: string) => {
  const values = (req.searchParams ?? new URLSearchParams()).getAll(name)
  if (values.length > 1) throw new ValidationError({ errors: [{ path: name, message: say(req, { es: `${name} solo puede ir una vez.`, en: `${name} may be given once.` }) }] })
  return values[0]
}

/**
 * `GET /api/privacy/inactive?years=N` (admins): how many people had no activity for N years (by the
 * app clock) and the first 50 of them, longest inactive first (src/privacy/retention/inactive.ts).
 */
export const inactivePeopleEndpoint: Endpoint = {
  path: '/privacy/inactive',
  method: 'get',
  handler: async (req) => {
    requireAdmin(req)
    const years = await yearsFrom(req, queryParam(req, 'years'))
    const cutoff = yearsBefore(getClock(req.payload).now(), years)
    const { total, people } = await findInactivePeople(req, cutoff, FIRST_PAGE)
    return Response.json({ years, cutoff: cutoff.toISOString(), total, people })
  },
}

/**
 * `POST /api/privacy/erase-inactive` `{ years?, confirm: true }` (admins): queues the bulk erasure of
 * everyone inactive for that long and answers how many that is; the job erases them in batches.
 */
export const eraseInactiveEndpoint: Endpoint = {
  path: '/privacy/erase-inactive',
  method: 'post',
  handler: async (req) => {
    requireAdmin(req)
    const body = await readJsonBody(req)
    const years = await yearsFrom(req, body.years)
    requireConfirm(req, body)
    const cutoff = yearsBefore(getClock(req.payload).now(), years)
    const { total } = await findInactivePeople(req, cutoff, 0)
    if (total > 0) await req.payload.jobs.queue({ task: ERASE_INACTIVE_TASK as never, input: { cutoff: cutoff.toISOString(), requestedBy: Number(req.user!.id) } as never, req })
    return Response.json({
      years,
      cutoff: cutoff.toISOString(),
      queued: total,
      message: say(req, { es: `${total} personas se borrarán en segundo plano.`, en: `${total} people will be erased in the background.` }),
    })
  },
}
