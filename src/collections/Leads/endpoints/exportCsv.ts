import type { Endpoint, PayloadRequest, Where } from 'payload'

import { idOf } from '../../../crm/ids'
import { toCsv } from '../../../utilities/csv'
import type { Lead } from '../../../payload-types'
import { requireLeadWorker } from './requireLeadWorker'

const PAGE_SIZE = 500
const COLUMNS = [
  'id', 'firstName', 'lastName', 'email', 'phone', 'company', 'position', 'type', 'headcount', 'interest', 'stage', 'score',
  'source', 'assignedTo', 'assignedToEmail', 'nextActionAt', 'lastContactedAt', 'convertedAt', 'lostReason', 'tags', 'createdAt',
] as const
type Row = Record<(typeof COLUMNS)[number], unknown>

/**
 * `GET /api/leads/export.csv?where[...]=...&sort=...`: the list as CSV, with the same `where` the
 * admin list and REST use and the caller's own access (a sales user exports their leads and the
 * unassigned ones). Rows are read and written 500 at a time, so memory stays flat on big exports.
 */
export const exportCsvEndpoint: Endpoint = {
  path: '/export.csv',
  method: 'get',
  handler: async (req) => {
    requireLeadWorker(req)
    const where = (req.query?.where ?? {}) as Where
    const sort = typeof req.query?.sort === 'string' ? req.query.sort : 'id'
    const readPage = (page: number) =>
      req.payload.find({ collection: 'leads', where, sort, page, limit: PAGE_SIZE, depth: 0, overrideAccess: false, user: req.user, req })
    // The first page is read before answering, so a bad filter or a refusal is a proper error status.
    const first = await readPage(1)
    const encoder = new TextEncoder()
    let page = 1
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(encoder.encode(await csvChunk(req, first.docs as Lead[], true)))
        if (first.totalPages <= 1) controller.close()
      },
      async pull(controller) {
        page += 1
        const result = await readPage(page)
        controller.enqueue(encoder.encode(await csvChunk(req, result.docs as Lead[], false)))
        if (page >= result.totalPages) controller.close()
      },
    })
    return new Response(stream, {
      status: 200,
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="leads.csv"' },
    })
  },
}

async function csvChunk(req: PayloadRequest, leads: Lead[], withHeader: boolean): Promise<string> {
  const emails = await assigneeEmails(req, leads)
  const rows: Row[] = leads.map((lead) => {
    const interest = lead.interest as { relationTo: string; value: unknown } | null | undefined
    return {
      ...(lead as unknown as Row),
      interest: interest ? `${interest.relationTo}:${idOf(interest.value)}` : '',
      assignedTo: idOf(lead.assignedTo) ?? '',
      assignedToEmail: emails.get(idOf(lead.assignedTo) ?? 0) ?? '',
      tags: (lead.tags ?? []).join('; '),
    }
  })
  const csv = toCsv(COLUMNS, rows)
  return withHeader ? csv : csv.slice(csv.indexOf('\r\n') + 2)
}

/** Sales users may not read colleagues' accounts, but a lead's assignee email is fine for staff to see. */
async function assigneeEmails(req: PayloadRequest, leads: Lead[]): Promise<Map<number, string>> {
  const ids = [...new Set(leads.map((lead) => idOf(lead.assignedTo)).filter((id): id is number => id !== null))]
  if (!ids.length) return new Map()
  const { docs } = await req.payload.find({ collection: 'users', where: { id: { in: ids } }, select: { email: true }, depth: 0, pagination: false, overrideAccess: true })
  return new Map(docs.map((user) => [user.id as number, String(user.email)]))
}
