/**
 * The baseline for bench/registration-burst.ts, run as its own process: a bare `node:http` server with
 * a `pg.Pool` of 20 (Aula's pool size, src/config/createAulaConfig.ts) that answers
 * `POST /api/webinars/:id/register {email, firstName, lastName}` with what the product guarantees, in ONE
 * read-committed transaction per registration, nothing batched or cached across requests:
 * - the person found by email or created (`users` + `users_roles` student, verified, a random hash and
 *   salt of Payload's sizes: no PBKDF2, as Aula does for accounts nobody logs into) with its audit entry;
 * - at most one active enrollment per person and item (the unique `active_key`);
 * - the webinar row locked (`FOR NO KEY UPDATE`), published and not started, a seat taken or the waitlist, exact under concurrency;
 * - the enrollment (+ its `enrollments_rels` item row) priced as a free seat, its audit entry, and the
 *   confirmation or waitlist email queued as Aula queues it (`email_log` + `email_log_rels` + a
 *   `payload_jobs` row for `sendEmail`, the .ics built by Aula's own calendarInviteAttachment).
 * The rows have the shape Aula writes (checked against a registration through Aula). The lock is taken as late
 * as the rules allow (see `register`); the serialised part (row lock granted → commit done) and the wait for
 * the lock are timed here and served at `GET /stats` (`?reset` clears them after answering).
 * Env: DATABASE_URI, PORT, PAYLOAD_SECRET and SERVER_URL (for the cancel link, as Aula builds it).
 */
import { createHmac, randomBytes } from 'node:crypto'
import http from 'node:http'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import pg from 'pg'

import { calendarInviteAttachment, enrollmentInviteUid } from '../../src/email/calendarInvite'

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URI, max: 20 })
const secret = process.env.PAYLOAD_SECRET ?? 'bench-only-secret-0123456789abcdef'
const serverUrl = process.env.SERVER_URL ?? 'http://localhost:3000'

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/

class HttpProblem extends Error {
  constructor(readonly status: number, readonly body: unknown) {
    super(typeof body === 'string' ? body : JSON.stringify(body))
  }
}

interface Person { email: string; firstName: string; lastName: string }

/** The same rules as Aula's PERSON_INPUT (src/enrollment/personInput.ts): every problem at once, as a 400. */
function parsePerson(body: Record<string, unknown>): Person {
  const errors: { path: string; message: string }[] = []
  const field = (path: keyof Person, maxLength: number, isEmail = false) => {
    const raw = body[path]
    if (typeof raw !== 'string' || raw.trim() === '') {
      errors.push({ path, message: `${path} is required.` })
      return ''
    }
    const value = isEmail ? raw.trim().toLowerCase() : raw.trim()
    if (value.length > maxLength || CONTROL_CHARACTERS.test(value) || (isEmail && !EMAIL.test(value))) errors.push({ path, message: `${path} is invalid.` })
    return value
  }
  const person = { email: field('email', 254, true), firstName: field('firstName', 100), lastName: field('lastName', 100) }
  if (errors.length) throw new HttpProblem(400, { errors: [{ name: 'ValidationError', data: { collection: 'enrollments', errors } }] })
  return person
}

const cancelUrl = (enrollmentId: number) =>
  `${serverUrl}/api/enrollments/${enrollmentId}/cancel-link?token=${createHmac('sha256', secret).update(`cancel-enrollment:${enrollmentId}`).digest('base64url')}`

const searchText = (person: Person) => `${person.firstName} ${person.lastName} ${person.email}`.toLowerCase()

// Serialised-section samples (ms), read and cleared by the benchmark through GET /stats.
let held: number[] = []
let waited: number[] = []
// The event loop's delay, sampled as prom-client samples Aula's (10 ms resolution), for the same comparison.
const loopDelay = monitorEventLoopDelay({ resolution: 10 })
loopDelay.enable()

type Client = pg.PoolClient
const one = async <T extends Record<string, unknown>>(client: Client, text: string, values: unknown[]) => (await client.query<T>(text, values)).rows[0]

/** The person's id, found by email or created with its role and audit entry in one statement. */
async function findOrCreatePerson(client: Client, person: Person, now: string): Promise<number> {
  const found = await one<{ id: number }>(client, 'SELECT id FROM users WHERE email = $1', [person.email])
  if (found) return found.id
  const changes = [
    { field: 'firstName', from: null, to: person.firstName }, { field: 'lastName', from: null, to: person.lastName },
    { field: 'roles', from: null, to: ['student'] }, { field: 'language', from: null, to: 'es' },
    { field: 'marketingConsent.granted', from: null, to: false }, { field: 'displayName', from: null, to: `${person.firstName} ${person.lastName}` },
    { field: 'email', from: null, to: person.email }, { field: '_verified', from: null, to: true },
  ]
  const created = await one<{ id: number }>(client, `
    WITH person AS (
      INSERT INTO users (email, first_name, last_name, language, display_name, search_text, salt, hash, _verified,
                         login_attempts, marketing_consent_granted, updated_at, created_at)
      VALUES ($1, $2, $3, 'es', $4, $5, $6, $7, true, 0, false, $8, $8)
      ON CONFLICT (email) DO NOTHING RETURNING id
    ), role AS (
      INSERT INTO users_roles ("order", parent_id, value) SELECT 1, id, 'student' FROM person
    ), audit AS (
      INSERT INTO audit_log (action, actor_kind, collection_slug, document_id, person_id, changes, updated_at, created_at)
      SELECT 'create', 'anonymous', 'users', id::text, id, $9::jsonb, $8, $8 FROM person
    )
    SELECT id FROM person`,
  [person.email, person.firstName, person.lastName, `${person.firstName} ${person.lastName}`, searchText(person),
    randomBytes(32).toString('hex'), randomBytes(512).toString('hex'), now, JSON.stringify(changes)])
  if (created) return created.id
  // A concurrent first registration with this email committed first: read committed sees its row now.
  return (await one<{ id: number }>(client, 'SELECT id FROM users WHERE email = $1', [person.email]))!.id
}

interface Webinar { id: number; title: string; summary: string | null; status: string; capacity: number | null; seats_taken: number; starts_at: Date | null; startsat_tz: string | null; duration_minutes: number | null; meeting_link: string | null; slug: string | null; is_free: boolean; price: number | null; currency: string | null }

function closedReason(webinar: Webinar, now: Date): string | null {
  if (webinar.status !== 'published') return 'This webinar is not open for registration.'
  if (!webinar.starts_at) return 'This webinar has no start date yet; registration opens once it has one.'
  if (now >= webinar.starts_at) return 'This webinar has already started.'
  return null
}

/** One queued email as Aula queues it (src/email/queueEmail.ts): the log row, its related enrollment, the sendEmail job. */
async function queueEmail(client: Client, input: { to: string; templateKey: string; dedupeKey: string; enrollmentId: number; variables: unknown; attachments: unknown; now: string }) {
  await client.query(`
    WITH log AS (
      INSERT INTO email_log ("to", template_key, locale, variables, attachments, status, attempts, dedupe_key, updated_at, created_at)
      VALUES ($1, $2, 'es', $3::jsonb, $4::jsonb, 'queued', 0, $5, $6, $6)
      ON CONFLICT (dedupe_key) DO NOTHING RETURNING id
    ), rel AS (
      INSERT INTO email_log_rels (parent_id, path, enrollments_id) SELECT id, 'relatedDocument', $7 FROM log
    )
    INSERT INTO payload_jobs (input, task_slug, queue, updated_at, created_at)
    SELECT json_build_object('emailLogId', id), 'sendEmail', 'default', $6, $6 FROM log`,
  [input.to, input.templateKey, JSON.stringify(input.variables), input.attachments === null ? null : JSON.stringify(input.attachments), input.dedupeKey, input.now, input.enrollmentId])
}

const publicDoc = (row: Record<string, any>, webinarId: number) => ({
  id: row.id, status: row.status, paymentStatus: row.payment_status, listPrice: Number(row.list_price), discount: Number(row.discount),
  amount: Number(row.amount), currency: row.currency, priceTier: row.price_tier, item: { relationTo: 'webinars', value: webinarId },
  createdAt: new Date(row.created_at).toISOString(),
})

const MESSAGES: Record<string, string> = {
  confirmed: 'You are registered.',
  waitlisted: 'The item is full: you are on the waiting list and will be told when a seat frees up.',
}

const WEBINAR_COLUMNS = 'id, title, summary, status, capacity, seats_taken, starts_at, startsat_tz, duration_minutes, meeting_link, slug, is_free, price, currency'

/**
 * Everything that does not depend on the seat is read, built or written before the item's row is locked: the
 * person, the duplicate check, the enrollment's id (from its sequence), the webinar read without a lock for the
 * email's text. The locked section is then one read (`FOR NO KEY UPDATE`: the seat counter is no key, and the
 * enrollment's foreign key to the webinar takes a key-share lock `FOR UPDATE` would wait for), one statement writing the seat, the
 * enrollment, its email and its audit entry together, and the commit.
 */
async function register(webinarId: number, person: Person): Promise<{ message: string; doc: unknown }> {
  const client = await pool.connect()
  let lockedAt = 0
  try {
    await client.query('BEGIN')
    const now = new Date()
    const stamp = now.toISOString()
    const userId = await findOrCreatePerson(client, person, stamp)
    const activeKey = `webinars:${webinarId}:${userId}`
    const facts = (await one<{ existing: Record<string, any> | null; enrollment_id: number; webinar: Record<string, any> | null }>(client, `
      SELECT (SELECT to_jsonb(e) FROM enrollments e WHERE active_key = $1) AS existing,
             nextval(pg_get_serial_sequence('enrollments', 'id'))::int AS enrollment_id,
             (SELECT to_jsonb(w) FROM (SELECT ${WEBINAR_COLUMNS} FROM webinars WHERE id = $2 AND deleted_at IS NULL) w) AS webinar`,
    [activeKey, webinarId]))!
    if (facts.existing) {
      await client.query('ROLLBACK')
      return alreadyRegistered(facts.existing, webinarId, person)
    }
    if (!facts.webinar || facts.webinar.status === 'draft') throw new HttpProblem(404, { errors: [{ message: 'Not Found' }] })
    const enrollmentId = facts.enrollment_id
    const unlocked = facts.webinar
    const timezone = unlocked.startsat_tz ?? 'America/Lima'
    const invite = () => [calendarInviteAttachment({
      uid: enrollmentInviteUid(enrollmentId), sequence: 0, method: 'REQUEST', title: unlocked.title, description: unlocked.summary ?? '',
      startsAt: new Date(unlocked.starts_at), durationMinutes: Number(unlocked.duration_minutes ?? 60), timezone, url: unlocked.meeting_link ?? undefined,
      organizer: { email: 'no-reply@aula.local', name: 'Aula' },
    })]
    // The calendar file only goes with a seat: built ahead when a seat looks free, else only if the lock finds one.
    let attachments = unlocked.capacity === null || Number(unlocked.seats_taken) < Number(unlocked.capacity) ? invite() : null

    const lockRequested = performance.now()
    const webinar = (await one<Webinar & Record<string, unknown>>(client, `SELECT ${WEBINAR_COLUMNS} FROM webinars WHERE id = $1 AND deleted_at IS NULL FOR NO KEY UPDATE`, [webinarId]))
    lockedAt = performance.now()
    waited.push(lockedAt - lockRequested)
    if (!webinar || webinar.status === 'draft') throw new HttpProblem(404, { errors: [{ message: 'Not Found' }] })
    const reason = closedReason(webinar, now)
    if (reason) throw new HttpProblem(409, { errors: [{ message: reason }] })
    if (!webinar.is_free && Number(webinar.price) > 0) throw new HttpProblem(503, { errors: [{ message: 'Payments are not configured: paid items cannot be bought yet.' }] })
    const capacity = webinar.capacity === null ? null : Number(webinar.capacity)
    const seatsTaken = Number(webinar.seats_taken)
    const seat = capacity === null || seatsTaken < capacity
    if (!seat) attachments = null
    else attachments ??= invite()
    const status = seat ? 'confirmed' : 'waitlisted'
    const currency = webinar.currency ?? 'USD'
    const templateKey = seat ? 'enrollment_confirmed' : 'enrollment_waitlisted'
    const variables = {
      firstName: person.firstName, lastName: person.lastName, email: person.email, title: webinar.title, startsAt: new Date(webinar.starts_at!).toISOString(),
      timezone, meetingLink: webinar.meeting_link ?? '', itemUrl: `${serverUrl}/webinars/${webinar.slug}`, cancelUrl: cancelUrl(enrollmentId),
      payUrl: '', amount: '0.00', currency, holdExpiresAt: '', reason: '',
      seatsLeft: capacity === null ? null : Math.max(capacity - seatsTaken - (seat ? 1 : 0), 0),
    }
    const changes = [
      { field: 'user', from: null, to: userId }, { field: 'item', from: null, to: { relationTo: 'webinars', value: webinarId } },
      { field: 'status', from: null, to: status }, { field: 'paymentStatus', from: null, to: 'not_required' }, { field: 'amount', from: null, to: 0 },
      { field: 'currency', from: null, to: currency }, { field: 'priceTier', from: null, to: 'free' }, { field: 'listPrice', from: null, to: 0 },
      { field: 'discount', from: null, to: 0 }, { field: 'attended', from: null, to: false }, { field: 'source', from: null, to: 'web' },
      { field: 'activeKey', from: null, to: activeKey },
    ]
    // COMMIT is queued behind the writes at once: pg's client sends it the moment they return, without waiting
    // for this process's event loop (a failed write turns the COMMIT into a rollback, and the error is thrown).
    const [written] = await Promise.all([client.query<Record<string, any>>(`
      WITH seat AS (
        UPDATE webinars SET seats_taken = seats_taken + 1 WHERE id = $7 AND $8::boolean
      ), enrollment AS (
        INSERT INTO enrollments (id, user_id, status, payment_status, amount, currency, price_tier, list_price, discount, attended, source, active_key, search_text, updated_at, created_at)
        VALUES ($1, $2, $3, 'not_required', 0, $4, 'free', 0, 0, false, 'web', $5, $6, $9, $9) RETURNING *
      ), item AS (
        INSERT INTO enrollments_rels (parent_id, path, webinars_id) VALUES ($1, 'item', $7)
      ), log AS (
        INSERT INTO email_log ("to", template_key, locale, variables, attachments, status, attempts, dedupe_key, updated_at, created_at)
        VALUES ($10, $11, 'es', $12::jsonb, $13::jsonb, 'queued', 0, $15, $9, $9)
        ON CONFLICT (dedupe_key) DO NOTHING RETURNING id
      ), log_item AS (
        INSERT INTO email_log_rels (parent_id, path, enrollments_id) SELECT id, 'relatedDocument', $1 FROM log
      ), job AS (
        INSERT INTO payload_jobs (input, task_slug, queue, updated_at, created_at) SELECT json_build_object('emailLogId', id), 'sendEmail', 'default', $9, $9 FROM log
      ), audit AS (
        INSERT INTO audit_log (action, actor_kind, collection_slug, document_id, person_id, changes, updated_at, created_at)
        VALUES ('create', 'anonymous', 'enrollments', $1::text, $2, $14::jsonb, $9, $9)
      )
      SELECT * FROM enrollment`,
    [enrollmentId, userId, status, currency, activeKey, searchText(person), webinarId, seat, stamp,
      person.email, templateKey, JSON.stringify(variables), attachments === null ? null : JSON.stringify(attachments), JSON.stringify(changes), `${templateKey}:${enrollmentId}`]),
    client.query('COMMIT')])
    held.push(performance.now() - lockedAt)
    const enrollment = written.rows[0]!
    return { message: MESSAGES[status]!, doc: publicDoc(enrollment, webinarId) }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    // The unique active_key met a concurrent enrollment of the same person: answer as for a second registration.
    if ((error as { code?: string; constraint?: string }).code === '23505' && (error as { constraint?: string }).constraint === 'enrollments_active_key_idx') {
      const userId = (await pool.query<{ id: number }>('SELECT id FROM users WHERE email = $1', [person.email])).rows[0]!.id
      const existing = (await pool.query('SELECT * FROM enrollments WHERE active_key = $1', [`webinars:${webinarId}:${userId}`])).rows[0]
      if (existing) return alreadyRegistered(existing, webinarId, person)
    }
    throw error
  } finally {
    client.release()
  }
}

/**
 * An anonymous caller may not learn that this person is registered (docs/api-enrollment.md): the answer is the
 * existing enrollment, and the person gets one "already registered" email per hour, as Aula does.
 */
async function alreadyRegistered(existing: Record<string, any>, webinarId: number, person: Person) {
  const client = await pool.connect()
  try {
    const stamp = new Date().toISOString()
    const window = Math.floor(Date.now() / 3_600_000)
    const enrollmentId = Number(existing.id)
    await client.query('BEGIN')
    await queueEmail(client, {
      to: person.email, templateKey: 'enrollment_already_registered', dedupeKey: `enrollment_already_registered:${enrollmentId}:${window}`, enrollmentId,
      variables: { firstName: person.firstName, lastName: person.lastName, email: person.email, cancelUrl: cancelUrl(enrollmentId) }, attachments: null, now: stamp,
    })
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  } finally {
    client.release()
  }
  return { message: MESSAGES[existing.status] ?? 'Registration received.', doc: publicDoc(existing, webinarId) }
}

const summary = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (fraction: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]! : null)
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? null }
}

const readBody = async (request: http.IncomingMessage) => {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  try {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}')
    return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {}
  } catch {
    throw new HttpProblem(400, { errors: [{ message: 'The body must be JSON.' }] })
  }
}

const send = (response: http.ServerResponse, status: number, body: unknown) =>
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))

const server = http.createServer(async (request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost')
  try {
    if (request.method === 'GET' && url.pathname === '/stats') {
      const loopMs = { p50: loopDelay.percentile(50) / 1e6, p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 }
      send(response, 200, { heldMs: summary(held), waitMs: summary(waited), loopMs })
      if (url.searchParams.has('reset')) {
        held = []
        waited = []
        loopDelay.reset()
      }
      return
    }
    const route = /^\/api\/webinars\/(\d+)\/register$/.exec(url.pathname)
    if (request.method !== 'POST' || !route) {
      send(response, 404, { errors: [{ message: 'Not Found' }] })
      return
    }
    const person = parsePerson(await readBody(request))
    send(response, 201, await register(Number(route[1]), person))
  } catch (error) {
    if (error instanceof HttpProblem) send(response, error.status, error.body)
    else send(response, 500, { errors: [{ message: String(error) }] })
  }
})

server.listen(Number(process.env.PORT), '127.0.0.1')
