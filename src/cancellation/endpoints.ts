import { APIError, type Endpoint, type PayloadRequest } from 'payload'

import { checkRole, CONTENT_ROLES } from '../access'
import { parseInput } from '../endpoints/parseInput'
import { readJsonBody } from '../endpoints/readJsonBody'
import { routeId } from '../endpoints/routeId'
import { lockAnyItem } from '../enrollment/items'
import type { ItemCollection } from '../enrollment/statuses'
import { inTransaction } from '../enrollment/transaction'
import { say } from '../i18n/say'
import { markCancellationConfirmed } from './context'
import { cancellationPreview, type CancellationPreview } from './preview'
import { describePreview } from './summary'

/**
 * The item named by the path, for the people who may update it (admins and editors, as the
 * collection's `update` access): 401 anonymous, 404 when the caller cannot read it, 403 otherwise.
 */
async function itemForEditor(req: PayloadRequest, collection: ItemCollection): Promise<{ id: number; title: string; status: string }> {
  if (!req.user) throw new APIError(say(req, { es: 'Inicia sesión para cancelar.', en: 'Log in to cancel.' }), 401, undefined, true)
  const id = routeId(req)
  const doc = await req.payload.findByID({ collection, id, depth: 0, req, user: req.user, overrideAccess: false, disableErrors: true })
  if (!doc) throw new APIError('Not Found', 404, undefined, true)
  if (!checkRole(CONTENT_ROLES, req.user)) {
    throw new APIError(say(req, { es: 'Solo un administrador o editor puede cancelar cursos y webinars.', en: 'Only admins and editors can cancel courses and webinars.' }), 403, undefined, true)
  }
  return { id, title: String(doc.title ?? ''), status: String(doc.status ?? '') }
}

const answer = (req: PayloadRequest, item: { id: number; title: string; status: string }, preview: CancellationPreview) => ({
  id: item.id,
  title: item.title,
  status: item.status,
  ...preview,
  summary: describePreview(req, preview),
})

/** `GET /api/{courses|webinars}/:id/cancellation`: what cancelling would do now (also the progress once it runs). */
const previewEndpoint = (collection: ItemCollection): Endpoint => ({
  path: '/:id/cancellation',
  method: 'get',
  handler: async (req) => {
    const item = await itemForEditor(req, collection)
    return Response.json(answer(req, item, await cancellationPreview(req, collection, item.id)))
  },
})

/**
 * `POST /api/{courses|webinars}/:id/cancel` `{ reason, confirm: { people, refunds } }`: the numbers are
 * the ones staff saw in the preview. Under the item's row lock (no registration can land meanwhile):
 * numbers that no longer match are a 409 with the fresh ones and nothing changes; otherwise the item
 * becomes `cancelled` and the job that ends its enrollments is queued, in one transaction (202).
 */
const cancelEndpoint = (collection: ItemCollection): Endpoint => ({
  path: '/:id/cancel',
  method: 'post',
  handler: async (req) => {
    const item = await itemForEditor(req, collection)
    const body = await readJsonBody(req)
    const confirm = (body.confirm && typeof body.confirm === 'object' ? body.confirm : {}) as Record<string, unknown>
    const input = parseInput(
      { reason: body.reason, 'confirm.people': confirm.people, 'confirm.refunds': confirm.refunds },
      {
        reason: { kind: 'string', required: true, maxLength: 500 },
        'confirm.people': { kind: 'integer', required: true, min: 0 },
        'confirm.refunds': { kind: 'integer', required: true, min: 0 },
      },
      collection,
    )
    const outcome = await inTransaction(req, async () => {
      const locked = await lockAnyItem(req, collection, item.id)
      if (!locked) throw new APIError('Not Found', 404, undefined, true)
      if (locked.status === 'cancelled') return { kind: 'already' as const }
      const preview = await cancellationPreview(req, collection, item.id)
      if (preview.people.total !== input['confirm.people'] || preview.refunds.count !== input['confirm.refunds']) return { kind: 'stale' as const, preview }
      markCancellationConfirmed(req, input.reason)
      const doc = await req.payload.update({ collection, id: item.id, data: { status: 'cancelled' }, depth: 0, req, user: req.user, overrideAccess: false })
      return { kind: 'cancelled' as const, preview, status: String(doc.status) }
    })
    if (outcome.kind === 'already') {
      throw new APIError(say(req, { es: 'Ya está cancelado.', en: 'It is already cancelled.' }), 409, undefined, true)
    }
    if (outcome.kind === 'stale') {
      const message = say(req, {
        es: 'Las cifras cambiaron desde que las viste; revisa las nuevas y confirma otra vez. No se cambió nada.',
        en: 'The numbers changed since you saw them; check the new ones and confirm again. Nothing was changed.',
      })
      return Response.json({ errors: [{ message }], message, ...answer(req, item, outcome.preview) }, { status: 409 })
    }
    const message = say(req, {
      es: `Cancelado. Las inscripciones se cancelan y los reembolsos se solicitan en segundo plano. ${describePreview(req, outcome.preview)}`,
      en: `Cancelled. Enrollments are being cancelled and refunds requested in the background. ${describePreview(req, outcome.preview)}`,
    })
    return Response.json({ message, ...answer(req, { ...item, status: outcome.status }, outcome.preview) }, { status: 202 })
  },
})

export const cancellationEndpoints = (collection: ItemCollection): Endpoint[] => [previewEndpoint(collection), cancelEndpoint(collection)]
