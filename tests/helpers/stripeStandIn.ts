import http from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request the stand-in received, as Stripe would have seen it. */
export interface StripeCall {
  method: string
  path: string
  /** The form-encoded body, decoded to flat keys: `metadata[paymentId]`, `line_items[0][price_data][unit_amount]`. */
  body: Record<string, string>
  idempotencyKey: string | null
}

export interface StandInSession {
  id: string
  object: 'checkout.session'
  url: string | null
  status: 'open' | 'complete' | 'expired'
  payment_status: 'unpaid' | 'paid'
  amount_total: number
  currency: string
  client_reference_id: string | null
  metadata: Record<string, string>
  expires_at: number
  payment_intent: string | null
  mode: 'payment'
}

/**
 * A local stand-in for the parts of Stripe's API Aula calls (Stripe itself cannot be reached from
 * the tests). Answers with Stripe-shaped JSON, replays the first answer for a repeated
 * Idempotency-Key like Stripe does, records every call, and can be told to fail.
 */
export class StripeStandIn {
  readonly calls: StripeCall[] = []
  readonly sessions = new Map<string, StandInSession>()
  /** Every refund made, in order (amounts in minor units). */
  readonly refunds: { id: string; amount: number; payment_intent: string; metadata: Record<string, string> }[] = []
  /** While true every request answers 500 (Stripe down). */
  failing = false
  /** While true every request's connection is cut before any answer (the network fails: did Stripe act?). */
  dropping = false
  private readonly idempotent = new Map<string, { status: number; body: unknown }>()
  private counter = 0
  private server!: http.Server
  url = ''

  async start(): Promise<this> {
    this.server = http.createServer((request, response) => this.handle(request, response))
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  callsTo(method: string, path: string | RegExp): StripeCall[] {
    return this.calls.filter((call) => call.method === method && (typeof path === 'string' ? call.path === path : path.test(call.path)))
  }

  /** Marks a session paid, as if the buyer finished Checkout; returns it with its PaymentIntent id. */
  complete(sessionId: string): StandInSession {
    const session = this.sessions.get(sessionId)
    if (!session) throw new Error(`No session ${sessionId}`)
    session.status = 'complete'
    session.payment_status = 'paid'
    session.payment_intent = `pi_test_${sessionId.replace(/^cs_test_/, '')}`
    return session
  }

  /** What has been refunded on a PaymentIntent so far (minor units): the charge's `amount_refunded`. */
  refundedOf(paymentIntentId: string): number {
    return this.refunds.filter((refund) => refund.payment_intent === paymentIntentId).reduce((sum, refund) => sum + refund.amount, 0)
  }

  private next(prefix: string) {
    this.counter += 1
    return `${prefix}_test_${this.counter.toString().padStart(6, '0')}`
  }

  private handle(request: http.IncomingMessage, response: http.ServerResponse) {
    let raw = ''
    request.on('data', (chunk) => (raw += chunk))
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://stand-in')
      const body = Object.fromEntries(new URLSearchParams(raw))
      const idempotencyKey = (request.headers['idempotency-key'] as string | undefined) ?? null
      const method = request.method ?? 'GET'
      this.calls.push({ method, path: url.pathname, body, idempotencyKey })
      const send = (status: number, json: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json', 'request-id': this.next('req') })
        response.end(JSON.stringify(json))
      }
      if (this.dropping) return request.socket.destroy()
      if (this.failing) return send(500, { error: { type: 'api_error', message: 'The stand-in is down, as asked.' } })
      const replayKey = idempotencyKey && `${method} ${url.pathname} ${idempotencyKey}`
      const replay = replayKey && this.idempotent.get(replayKey)
      if (replay) return send(replay.status, replay.body)
      const [status, json] = this.route(method, url.pathname, body)
      if (replayKey && method === 'POST') this.idempotent.set(replayKey, { status, body: json })
      send(status, json)
    })
  }

  private route(method: string, path: string, body: Record<string, string>): [number, unknown] {
    const invalid = (message: string): [number, unknown] => [400, { error: { type: 'invalid_request_error', message } }]
    if (method === 'POST' && path === '/v1/checkout/sessions') {
      const id = this.next('cs')
      const metadata: Record<string, string> = {}
      for (const [key, value] of Object.entries(body)) {
        const match = /^metadata\[(.+)\]$/.exec(key)
        if (match) metadata[match[1]] = value
      }
      const session: StandInSession = {
        id,
        object: 'checkout.session',
        url: `https://checkout.stripe.test/c/pay/${id}`,
        status: 'open',
        payment_status: 'unpaid',
        amount_total: Number(body['line_items[0][price_data][unit_amount]']) * Number(body['line_items[0][quantity]'] ?? 1),
        currency: body['line_items[0][price_data][currency]'],
        client_reference_id: body.client_reference_id ?? null,
        metadata,
        expires_at: Number(body.expires_at),
        payment_intent: null,
        mode: 'payment',
      }
      this.sessions.set(id, session)
      return [200, session]
    }
    const expire = /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/.exec(path)
    if (method === 'POST' && expire) {
      const session = this.sessions.get(expire[1])
      if (!session) return [404, { error: { type: 'invalid_request_error', message: `No such checkout.session: '${expire[1]}'` } }]
      if (session.status !== 'open') return invalid(`Only Checkout Sessions with a status of \`open\` can be expired (this one is ${session.status}).`)
      session.status = 'expired'
      session.url = null
      return [200, session]
    }
    const retrieve = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path)
    if (method === 'GET' && retrieve) {
      const session = this.sessions.get(retrieve[1])
      return session ? [200, session] : [404, { error: { type: 'invalid_request_error', message: `No such checkout.session: '${retrieve[1]}'` } }]
    }
    if (method === 'POST' && path === '/v1/refunds') {
      if (!body.payment_intent) return invalid('Missing required param: payment_intent.')
      // Like Stripe: no `amount` refunds what is left; more than is left is refused.
      const charged = [...this.sessions.values()].find((session) => session.payment_intent === body.payment_intent)?.amount_total
      const already = this.refundedOf(body.payment_intent)
      const amount = body.amount === undefined ? (charged ?? 0) - already : Number(body.amount)
      if (charged !== undefined && amount + already > charged) {
        return invalid(`Refund amount (${amount}) is greater than unrefunded amount on charge (${charged - already}).`)
      }
      const metadata: Record<string, string> = {}
      for (const [key, value] of Object.entries(body)) {
        const match = /^metadata\[(.+)\]$/.exec(key)
        if (match) metadata[match[1]] = value
      }
      const refund = { id: this.next('re'), object: 'refund' as const, status: 'succeeded', amount, payment_intent: body.payment_intent, metadata }
      this.refunds.push(refund)
      return [200, refund]
    }
    return [404, { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path}).` } }]
  }
}

export const startStripeStandIn = () => new StripeStandIn().start()
