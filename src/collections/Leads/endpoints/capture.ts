import { type Endpoint, type PayloadRequest, ValidationError } from 'payload'

import { checkRole } from '../../../access'
import { applyFormConsent } from '../../../automation/consent/formConsent'
import { parseInput } from '../../../endpoints/parseInput'
import { readJsonBody } from '../../../endpoints/readJsonBody'
import { queueLeadReceived } from '../../../crm/leadEmails'
import { CLOSED_STAGES } from '../../../crm/options'
import { inTransaction, sql, sqlFor } from '../../../enrollment/transaction'
import type { Lead } from '../../../payload-types'
import { CAPTURE_INPUT, filledHoneypot, type InterestRef, parseItemRef } from './captureInput'

/**
 * `POST /api/leads`. It sits in front of Payload's own create (collection endpoints are matched
 * before the built-in ones): admins and sales fall through to the normal create with all its
 * fields and access rules; everyone else is the website's form, which may set contact and request
 * fields only and hears back the same thank-you whatever happened: never an id, nothing that tells
 * a new person from one who already has a lead (docs/security.md, "Existence leaks").
 */
export const captureEndpoint: Endpoint = {
  path: '/',
  method: 'post',
  handler: async (req) => {
    if (checkRole(['admin', 'sales'], req.user)) return builtInCreate(req)
    const body = await readJsonBody(req)
    // Bots get the answer everyone gets, and nothing is stored.
    if (filledHoneypot(body)) return received()
    const { marketingConsent, ...input } = parseInput(body, CAPTURE_INPUT, 'leads')
    const interest = parseItemRef(body.interest)
    await inTransaction(req, async () => {
      if (interest) await assertInterestExists(req, interest)
      // One submitter at a time per email, so a double click cannot open two leads.
      const db = await sqlFor(req)
      await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`aula.leads.email:${input.email}`}))`)
      const open = await findOpenLead(req, input.email)
      if (open) {
        await applyFormConsent(req, { collection: 'leads', id: open.id, email: input.email, granted: marketingConsent })
        return addResubmission(req, open, input.message)
      }
      const lead = await req.payload.create({
        collection: 'leads',
        data: { ...input, type: input.type as Lead['type'], interest, stage: 'new', source: 'web_form' },
        overrideAccess: true,
        depth: 0,
        req,
      })
      await applyFormConsent(req, { collection: 'leads', id: lead.id, email: input.email, granted: marketingConsent })
      await queueLeadReceived(req, lead)
      return lead.id
    })
    return received()
  },
}

const received = () => Response.json({ message: 'Thank you: we received your request and will be in touch soon.' }, { status: 201 })

function builtInCreate(req: PayloadRequest): Promise<Response> | Response {
  const builtIn = req.payload.collections.leads.config.endpoints
  const create = (builtIn || []).find((endpoint) => endpoint.method === 'post' && endpoint.path === '/' && endpoint !== captureEndpoint)
  if (!create) return Response.json({ message: 'Create is not available.' }, { status: 501 })
  return create.handler(req)
}

async function findOpenLead(req: PayloadRequest, email: string) {
  const { docs } = await req.payload.find({
    collection: 'leads',
    where: { and: [{ email: { equals: email } }, { stage: { not_in: [...CLOSED_STAGES] } }] },
    sort: '-createdAt',
    limit: 1,
    depth: 0,
    select: { interactions: true },
    overrideAccess: true,
    pagination: false,
    req,
  })
  return docs[0]
}

/** A second submission while the first is still being worked: a note on the open lead, not a duplicate. */
async function addResubmission(req: PayloadRequest, lead: { id: number; interactions?: unknown[] | null }, message?: string) {
  await req.payload.update({
    collection: 'leads',
    id: lead.id,
    data: {
      interactions: [
        ...((lead.interactions ?? []) as never[]),
        { type: 'note', summary: `Envió el formulario de nuevo (submitted the form again).${message ? `\n\n${message}` : ''}`.slice(0, 5000) },
      ],
    },
    overrideAccess: true,
    depth: 0,
    req,
  })
  return lead.id
}

async function assertInterestExists(req: PayloadRequest, interest: InterestRef) {
  const found = await req.payload.count({ collection: interest.relationTo, where: { id: { equals: interest.value } }, overrideAccess: true, req })
  if (!found.totalDocs) {
    throw new ValidationError({ collection: 'leads', errors: [{ path: 'interest', message: `There is no ${interest.relationTo} with id ${interest.value}.` }] })
  }
}
