import type { Payload, TypedUser } from 'payload'

import { unreadCount } from '../unread'
import { notificationListener } from './listener'

const HEARTBEAT_MS = 20_000
/**
 * A stream ends after this long and the browser's EventSource reconnects (with Last-Event-ID, so nothing
 * is lost): a session that was logged out or a role that was removed stops receiving within this time.
 */
const MAX_STREAM_MS = 15 * 60_000
const BATCH = 50
const REMEMBERED_IDS = 1000

const encoder = new TextEncoder()
const frame = (event: string, data: unknown, id?: number) =>
  encoder.encode(`${id !== undefined ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)

export interface StreamOptions {
  /** Replay this user's notifications with a greater id first (a reconnecting client's Last-Event-ID). */
  lastEventId: number | null
  /** The request's: aborted when the client goes away. */
  signal?: AbortSignal
}

/**
 * The Server-Sent Events answer of `GET /api/notifications/stream` for `user`: `notification` events
 * (id = the notification's id, data = the document as REST returns it at depth 0), each batch followed
 * by `unread` with the count. It reads "mine after the last id sent" whenever this process's listener
 * says something arrived, so a notification committed by any instance, a reconnect of the listener
 * and a reconnecting browser are all the same query.
 */
export async function notificationStreamResponse(payload: Payload, user: TypedUser, { lastEventId, signal }: StreamOptions): Promise<Response> {
  const userId = Number(user.id)
  const pending = new Set<number>()
  const sent = new Set<number>()
  let lastId = 0
  let pumping = false
  let again = false
  let closed = false
  let controller!: ReadableStreamDefaultController<Uint8Array>

  const write = (chunk: Uint8Array) => {
    if (closed) return
    try {
      controller.enqueue(chunk)
    } catch {
      close()
    }
  }

  const readMine = (after: number, also: number[]) =>
    payload.find({
      collection: 'notifications',
      where: { and: [{ recipient: { equals: userId } }, { or: [{ id: { greater_than: after } }, ...(also.length ? [{ id: { in: also } }] : [])] }] },
      sort: 'id',
      limit: BATCH,
      pagination: false,
      depth: 0,
      overrideAccess: false,
      user,
    })

  const pump = async (): Promise<void> => {
    if (pumping) {
      again = true
      return
    }
    pumping = true
    try {
      do {
        again = false
        let also = [...pending]
        pending.clear()
        let delivered = 0
        for (;;) {
          const { docs } = await readMine(lastId, also)
          also = []
          for (const doc of docs) {
            const id = Number(doc.id)
            if (!sent.has(id)) {
              write(frame('notification', doc, id))
              sent.add(id)
              delivered += 1
              if (sent.size > REMEMBERED_IDS) sent.delete(sent.values().next().value!)
            }
            lastId = Math.max(lastId, id)
          }
          if (docs.length < BATCH || closed) break
        }
        if (delivered && !closed) write(frame('unread', { unread: await unreadCount(payload, userId) }))
      } while (again && !closed)
    } catch (error) {
      payload.logger.warn({ msg: 'Notifications stream could not read new notifications', err: error })
    } finally {
      pumping = false
    }
  }

  const wake = (notificationId?: number) => {
    if (notificationId) pending.add(notificationId)
    void pump()
  }

  const unsubscribe = await notificationListener(payload).subscribe(userId, wake)
  if (lastEventId !== null) {
    lastId = lastEventId
  } else {
    // From now on: what is already there is the bell's list, not news.
    const { docs } = await payload.find({ collection: 'notifications', where: { recipient: { equals: userId } }, sort: '-id', limit: 1, pagination: false, depth: 0, select: {}, overrideAccess: true })
    lastId = docs.length ? Number(docs[0].id) : 0
  }

  let heartbeat: NodeJS.Timeout | undefined
  let expiry: NodeJS.Timeout | undefined
  function close() {
    if (closed) return
    closed = true
    clearInterval(heartbeat)
    clearTimeout(expiry)
    unsubscribe()
    signal?.removeEventListener('abort', close)
    try {
      controller.close()
    } catch {
      // already closed by the client
    }
  }

  const body = new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController
      // The comment makes the headers leave at once; `retry` is how long EventSource waits before reconnecting.
      write(encoder.encode(`: aula notifications\nretry: 3000\n\n`))
      heartbeat = setInterval(() => write(encoder.encode(`: keep-alive\n\n`)), HEARTBEAT_MS)
      expiry = setTimeout(close, MAX_STREAM_MS)
      heartbeat.unref?.()
      expiry.unref?.()
      if (signal?.aborted) return close()
      signal?.addEventListener('abort', close)
      void unreadCount(payload, userId).then(
        (unread) => write(frame('unread', { unread })),
        () => undefined,
      )
      void pump()
    },
    cancel: () => close(),
  })

  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      // no-transform: compression would hold events back until a buffer fills.
      'Cache-Control': 'no-cache, no-store, no-transform',
      'X-Accel-Buffering': 'no',
    },
  })
}
