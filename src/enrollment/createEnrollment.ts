import { type FieldHook, type PayloadRequest, ValidationError } from 'payload'

import { fastPathsEnabled } from '../config/fastPaths'
import { pgErrorCode, UNIQUE_VIOLATION } from '../db/pgErrorCode'
import { enrollmentShapeWritten } from './createEnrollmentCoverage'
import { sql, sqlFor } from './transaction'

type Data = Record<string, unknown>

/**
 * A registration's enrollment, created below Payload's `create` (docs/decisions/0034): the same hooks in
 * the same order with the same arguments — the collection's beforeOperation, beforeChange and afterChange
 * hooks (the seat rules, the status email, audit, webhooks, metrics: whatever the config holds) and the
 * fields' own beforeChange hooks (the search text) — but the row and its item written by ONE hand-built
 * statement instead of the adapter's three drizzle-built ones (row, relation, read-back), and without
 * Payload's four traversals of ≈ 35 fields. Those were most of a registration's CPU (docs/benchmarks.md).
 *
 * Proved equal by tests/int/registration-fast-path.int.spec.ts (every row every table gets, and the
 * document the hooks and the caller see, against Payload's own create). Anything it was not written for
 * goes through Payload: a config whose enrollments fields differ (createEnrollmentCoverage.ts), data with
 * a field it does not write, or `AULA_FAST_PATHS=off`.
 */
export async function createEnrollment(req: PayloadRequest, input: Data): Promise<Data> {
  if (!fastPathsEnabled() || !enrollmentShapeWritten(req.payload) || !writtenHere(req, input)) return viaPayload(req, input)
  const collection = req.payload.collections.enrollments.config
  let args = { collection: req.payload.collections.enrollments, data: input, depth: 0, overrideAccess: true, req }
  for (const hook of collection.hooks.beforeOperation ?? []) {
    args = ((await hook({ args, collection, context: req.context, operation: 'create', overrideAccess: true, req })) as typeof args | undefined) ?? args
  }
  // The fields' defaults, as Payload's beforeValidate traversal fills them for a create.
  let data: Data = { ...args.data }
  for (const field of collection.flattenedFields) {
    if ('defaultValue' in field && field.defaultValue !== undefined && data[field.name] === undefined && typeof field.defaultValue !== 'function') data[field.name] = field.defaultValue
  }
  for (const hook of collection.hooks.beforeValidate ?? []) {
    data = ((await hook({ collection, context: req.context, data, operation: 'create', originalDoc: {}, req })) as Data | undefined) || data
  }
  for (const hook of collection.hooks.beforeChange ?? []) {
    data = ((await hook({ collection, context: req.context, data, operation: 'create', originalDoc: {}, req })) as Data | undefined) || data
  }
  const unknown = Object.keys(data).filter((key) => !Object.hasOwn(COLUMNS, key) && key !== 'item')
  // A hook that starts writing another field must be taught here; the parity test fails first.
  if (unknown.length) throw new Error(`createEnrollment: no column for ${unknown.join(', ')}`)
  // The fields' beforeChange hooks write into what is stored, not into `data` (Payload's own order).
  const stored: Data = { ...data }
  for (const field of collection.flattenedFields) {
    for (const hook of (field as { hooks?: { beforeChange?: FieldHook[] } }).hooks?.beforeChange ?? []) {
      stored[field.name] = await hook({
        blockData: undefined, collection, context: req.context, data: stored, field, global: null, indexPath: [], operation: 'create', originalDoc: {},
        overrideAccess: true, path: [field.name], previousSiblingDoc: {}, previousValue: undefined, req, schemaPath: [field.name], siblingData: stored,
        siblingDocWithLocales: {}, siblingFields: collection.fields, value: stored[field.name],
      } as Parameters<typeof hook>[0])
    }
  }
  const row = await insertEnrollmentRow(req, stored)
  let doc = documentOf(collection.flattenedFields, stored, row)
  for (const hook of collection.hooks.afterChange ?? []) {
    doc = ((await hook({ collection, context: req.context, data, doc, operation: 'create', overrideAccess: true, previousDoc: {}, req } as Parameters<typeof hook>[0])) as Data | undefined) || doc
  }
  return doc
}

const viaPayload = async (req: PayloadRequest, data: Data): Promise<Data> =>
  (await req.payload.create({ collection: 'enrollments', req, overrideAccess: true, depth: 0, data: data as never })) as unknown as Data

/** What a registration sends: anything else (a seat passed on inside a booking, a field set by hand) goes through Payload. */
const INPUT_FIELDS = new Set(['user', 'item', 'source', 'coupon', 'idempotencyKey', 'idempotencyRequest'])
const writtenHere = (req: PayloadRequest, input: Data) =>
  !req.context.seatPassedOn && Object.keys(input).every((key) => INPUT_FIELDS.has(key))

/** The enrollments columns a registration writes, by field name (the item is its own `enrollments_rels` row). */
const COLUMNS: Record<string, string> = {
  user: 'user_id',
  status: 'status',
  paymentStatus: 'payment_status',
  amount: 'amount',
  currency: 'currency',
  priceTier: 'price_tier',
  coupon: 'coupon_id',
  listPrice: 'list_price',
  discount: 'discount',
  attended: 'attended',
  source: 'source',
  activeKey: 'active_key',
  idempotencyKey: 'idempotency_key',
  idempotencyRequest: 'idempotency_request',
  searchText: 'search_text',
}
/** Payload's unique indexes on enrollments and the field each stands for (a clash is the adapter's ValidationError). */
const UNIQUE_FIELDS: Record<string, string> = { enrollments_active_key_idx: 'activeKey', enrollments_idempotency_key_idx: 'idempotencyKey' }

type InsertedRow = { id: number; createdAt: string; updatedAt: string }

async function insertEnrollmentRow(req: PayloadRequest, stored: Data): Promise<InsertedRow> {
  const item = stored.item as { relationTo: string; value: unknown }
  const itemColumn = item.relationTo === 'courses' ? sql`courses_id` : sql`webinars_id`
  const now = new Date().toISOString()
  const values: Array<[string, unknown]> = Object.entries(COLUMNS)
    .filter(([field]) => stored[field] !== undefined)
    .map(([field, column]) => [column, relationValue(stored[field])])
  values.push(['updated_at', now], ['created_at', now])
  const columns = sql.join(values.map(([column]) => sql.identifier(column)), sql`, `)
  const params = sql.join(values.map(([, value]) => sql`${value}`), sql`, `)
  const db = await sqlFor(req)
  const { rows } = await db
    .execute(sql`
      WITH enrollment AS (INSERT INTO enrollments (${columns}) VALUES (${params}) RETURNING id),
      item AS (INSERT INTO enrollments_rels (parent_id, path, ${itemColumn}) SELECT id, 'item', ${relationValue(item.value)} FROM enrollment)
      SELECT id FROM enrollment`)
    .catch((error: unknown) => {
      const constraint = (error as { cause?: { constraint?: string }; constraint?: string }).cause?.constraint ?? (error as { constraint?: string }).constraint
      if (pgErrorCode(error) === UNIQUE_VIOLATION && constraint && UNIQUE_FIELDS[constraint]) {
        throw new ValidationError({ collection: 'enrollments', errors: [{ message: req.t('error:valueMustBeUnique'), path: UNIQUE_FIELDS[constraint] }], req }, req.t)
      }
      throw error
    })
  return { id: Number(rows[0]!.id), createdAt: now, updatedAt: now }
}

const relationValue = (value: unknown) => (typeof value === 'object' && value !== null && 'id' in value ? (value as { id: unknown }).id : value)

/** The document Payload's create answers at depth 0 (its afterRead of the row just written). */
function documentOf(fields: readonly { name: string; type: string; virtual?: unknown }[], stored: Data, row: InsertedRow): Data {
  const doc: Data = { id: row.id }
  for (const field of fields) {
    if (field.virtual) continue
    const value = stored[field.name]
    doc[field.name] = value === undefined ? null : relationValue(value)
  }
  const item = stored.item as { relationTo: string; value: unknown }
  doc.item = { relationTo: item.relationTo, value: Number(relationValue(item.value)) }
  doc.createdAt = row.createdAt
  doc.updatedAt = row.updatedAt
  return doc
}
