import { type Endpoint, ValidationError } from 'payload'

import { idOf } from '../../../crm/ids'
import { parseInput } from '../../../endpoints/parseInput'
import { readJsonBody } from '../../../endpoints/readJsonBody'
import { routeId } from '../../../endpoints/routeId'
import { inTransaction } from '../../../enrollment/transaction'
import { say } from '../../../i18n/say'
import type { Lead } from '../../../payload-types'
import { findWorkableLead, requireLeadWorker } from './requireLeadWorker'

const FILLABLE = ['phone', 'company', 'position', 'headcount', 'interest', 'message', 'preferredDates', 'assignedTo'] as const

/**
 * `POST /api/leads/:id/merge` `{otherId}`: the lead in the path is kept, the other one is folded
 * into it and deleted. Interactions of both are kept with their original author and time, notes
 * are joined, tags and enrollments combined, and empty contact fields filled from the other lead.
 * The caller must be able to work on both leads.
 */
export const mergeEndpoint: Endpoint = {
  path: '/:id/merge',
  method: 'post',
  handler: async (req) => {
    requireLeadWorker(req)
    const id = routeId(req)
    const { otherId } = parseInput(await readJsonBody(req), { otherId: { kind: 'id', required: true } }, 'leads')
    if (otherId === id) {
      const message = say(req, { es: 'Un prospecto no se puede fusionar consigo mismo.', en: 'A lead cannot be merged with itself.' })
      throw new ValidationError({ collection: 'leads', errors: [{ path: 'otherId', message }] }, req.t)
    }
    const merged = await inTransaction(req, async () => {
      const kept = (await findWorkableLead(req, id)) as Lead
      const other = (await findWorkableLead(req, otherId)) as Lead
      // Deleted first: the carried interaction rows keep their ids, which must be free again.
      await req.payload.delete({ collection: 'leads', id: otherId, overrideAccess: true, depth: 0, req })
      return req.payload.update({
        collection: 'leads',
        id,
        data: mergedData(kept, other),
        context: { carriedInteractions: other.interactions ?? [] },
        overrideAccess: true,
        depth: 0,
        req,
      })
    })
    return Response.json({ message: say(req, { es: `El prospecto ${otherId} se fusionó con el ${id}.`, en: `Lead ${otherId} was merged into lead ${id}.` }), doc: merged })
  },
}

function mergedData(kept: Lead, other: Lead): Partial<Lead> {
  const data: Record<string, unknown> = {}
  for (const field of FILLABLE) {
    const empty = kept[field] === null || kept[field] === undefined || kept[field] === ''
    if (empty && other[field] !== null && other[field] !== undefined) data[field] = field === 'assignedTo' ? idOf(other[field]) : other[field]
  }
  const byTime = (a: { at?: string | null }, b: { at?: string | null }) => new Date(a.at ?? 0).getTime() - new Date(b.at ?? 0).getTime()
  data.interactions = [
    ...[...(kept.interactions ?? []), ...(other.interactions ?? [])].sort(byTime),
    { type: 'note', summary: `Fusionado con el prospecto #${other.id} (${other.email}) · merged with lead #${other.id}.` },
  ]
  data.notes = [kept.notes, other.notes && `— Prospecto / lead #${other.id} (${other.email}):\n${other.notes}`].filter(Boolean).join('\n\n') || null
  data.tags = [...new Set([...(kept.tags ?? []), ...(other.tags ?? [])])]
  data.enrollments = [...new Set([...(kept.enrollments ?? []), ...(other.enrollments ?? [])].map(idOf).filter((value) => value !== null))]
  return data as Partial<Lead>
}
