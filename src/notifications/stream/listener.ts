import type { PostgresAdapter } from '@payloadcms/db-postgres'
import pg from 'pg'
import type { Payload } from 'payload'

import { NOTIFICATIONS_CHANNEL } from '../channel'

/** Told about a notification for its user (`id`), or, with none, that something may have been missed. */
export type Wake = (notificationId?: number) => void

const FIRST_RETRY_MS = 250
const LAST_RETRY_MS = 15_000

/**
 * One dedicated PostgreSQL connection per app process LISTENing on the notifications channel, fanned
 * out to this process's stream clients by recipient (docs/decisions/0027-notifications-delivery.md).
 * It is not a pool client: a pooled LISTEN would be lost when the client is handed to someone else.
 * Opened with the first client and closed with the last. When the connection drops it reconnects with
 * backoff and wakes every client without an id, so each replays from the last id it sent.
 */
export class NotificationListener {
  private readonly clients = new Map<number, Set<Wake>>()
  private connection: pg.Client | null = null
  private connecting: Promise<void> | null = null
  private retryMs = FIRST_RETRY_MS
  private retryTimer: NodeJS.Timeout | null = null

  constructor(
    private readonly connectionString: string,
    private readonly log: Pick<Payload['logger'], 'warn'>,
  ) {}

  /** Resolves once notifications committed from now on will reach `wake`; returns the unsubscribe. */
  async subscribe(userId: number, wake: Wake): Promise<() => void> {
    const own = this.clients.get(userId) ?? new Set<Wake>()
    own.add(wake)
    this.clients.set(userId, own)
    const unsubscribe = () => {
      own.delete(wake)
      if (!own.size) this.clients.delete(userId)
      if (!this.clients.size) this.stop()
    }
    try {
      await this.ensureListening()
    } catch (error) {
      unsubscribe()
      throw error
    }
    return unsubscribe
  }

  /** Local clients, for tests and metrics. */
  get clientCount(): number {
    let count = 0
    for (const own of this.clients.values()) count += own.size
    return count
  }

  private ensureListening(): Promise<void> {
    if (this.connection) return Promise.resolve()
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null
    })
    return this.connecting
  }

  private async connect(): Promise<void> {
    const connection = new pg.Client({ connectionString: this.connectionString, application_name: 'aula-notifications-listener' })
    connection.on('notification', (message) => this.deliver(message.payload))
    connection.on('error', (error) => this.lost(connection, error))
    connection.on('end', () => this.lost(connection))
    await connection.connect()
    await connection.query(`LISTEN ${NOTIFICATIONS_CHANNEL}`)
    if (!this.clients.size) {
      // The last client left while we connected.
      connection.removeAllListeners()
      connection.on('error', () => undefined)
      await connection.end().catch(() => undefined)
      return
    }
    this.connection = connection
    this.retryMs = FIRST_RETRY_MS
  }

  private deliver(payload: string | undefined) {
    let message: { id?: unknown; recipient?: unknown }
    try {
      message = JSON.parse(payload ?? '')
    } catch {
      return
    }
    const wakes = this.clients.get(Number(message.recipient))
    if (!wakes) return
    for (const wake of wakes) wake(Number(message.id))
  }

  private lost(connection: pg.Client, error?: Error) {
    if (this.connection !== connection) return
    this.connection = null
    connection.removeAllListeners('notification')
    connection.on('error', () => undefined)
    void connection.end().catch(() => undefined)
    if (!this.clients.size) return
    this.log.warn({ msg: 'Notifications listener lost its connection; reconnecting', err: error })
    this.scheduleReconnect()
  }

  private scheduleReconnect() {
    if (this.retryTimer || !this.clients.size) return
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null
      if (!this.clients.size) return
      this.ensureListening().then(
        () => this.wakeEveryone(),
        () => {
          this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS)
          this.scheduleReconnect()
        },
      )
    }, this.retryMs)
    this.retryTimer.unref?.()
  }

  /** After a reconnect: what was committed while nobody listened is found by each client's "after my last id". */
  private wakeEveryone() {
    for (const wakes of this.clients.values()) for (const wake of wakes) wake()
  }

  private stop() {
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.retryTimer = null
    const connection = this.connection
    this.connection = null
    if (connection) {
      connection.removeAllListeners()
      connection.on('error', () => undefined)
      void connection.end().catch(() => undefined)
    }
  }

  /** Drops the connection as if the network had (tests use it to prove the catch-up after a reconnect). */
  simulateConnectionLoss() {
    if (this.connection) this.lost(this.connection, new Error('simulated'))
  }
}

const listeners = new WeakMap<Payload, NotificationListener>()

/** This process's listener for `payload`'s database. */
export function notificationListener(payload: Payload): NotificationListener {
  let listener = listeners.get(payload)
  if (!listener) {
    const adapter = payload.db as unknown as PostgresAdapter & { poolOptions?: pg.PoolConfig }
    const connectionString = adapter.poolOptions?.connectionString
    if (!connectionString) throw new Error('The notifications stream needs the database connection string (pool.connectionString).')
    listener = new NotificationListener(connectionString, payload.logger)
    listeners.set(payload, listener)
  }
  return listener
}
