'use client'
import { useCallback, useEffect, useRef, useState } from 'react'

/** One notification as `GET /api/notifications` returns it (only the fields the bell shows). */
export interface BellNotification {
  id: number | string
  kind: string
  title: string
  body?: string | null
  link?: string | null
  readAt?: string | null
  createdAt: string
}

/** How many the list shows: the latest ten; older ones are in the Notifications collection. */
export const LIST_SIZE = 10
/** When the live stream is down (a proxy that buffers, a failed reconnect), the count is asked for this often. */
const POLL_MS = 60_000

const newestFirst = (items: BellNotification[]) =>
  [...items].sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime()).slice(0, LIST_SIZE)

/**
 * The logged-in person's unread count and latest notifications, kept current without reloading:
 * an EventSource on `/api/notifications/stream` (the browser reconnects by itself and sends
 * Last-Event-ID, so the server replays what was missed), and while that stream is down the count is
 * polled every minute, and the stream tried again each time.
 */
export function useNotifications(api: string) {
  const [unread, setUnread] = useState<number | null>(null)
  const [items, setItems] = useState<BellNotification[] | null>(null)
  const [failed, setFailed] = useState(false)
  const [live, setLive] = useState(false)
  const listWanted = useRef(false)

  const loadCount = useCallback(async () => {
    const response = await fetch(`${api}/notifications/unread-count`, { credentials: 'include' }).catch(() => null)
    const body = response?.ok ? await response.json().catch(() => null) : null
    if (typeof body?.unread === 'number') setUnread(body.unread)
  }, [api])

  const loadList = useCallback(async () => {
    listWanted.current = true
    const query = `limit=${LIST_SIZE}&sort=-createdAt&depth=0`
    const response = await fetch(`${api}/notifications?${query}`, { credentials: 'include' }).catch(() => null)
    const body = response?.ok ? await response.json().catch(() => null) : null
    setFailed(!Array.isArray(body?.docs))
    if (Array.isArray(body?.docs)) setItems(newestFirst(body.docs))
  }, [api])

  useEffect(() => {
    let stream: EventSource | undefined
    let poll: ReturnType<typeof setInterval> | undefined
    const stopPolling = () => {
      if (poll) clearInterval(poll)
      poll = undefined
    }
    // A fresh EventSource (after one the browser gave up on) cannot send Last-Event-ID: the query says it instead.
    let lastSeen: string | undefined
    const connect = () => {
      const since = lastSeen ? `?lastEventId=${encodeURIComponent(lastSeen)}` : ''
      stream = new EventSource(`${api}/notifications/stream${since}`, { withCredentials: true })
      stream.addEventListener('open', () => {
        stopPolling()
        setLive(true)
        void loadCount()
      })
      stream.addEventListener('notification', (event) => {
        const doc = parse<BellNotification>((event as MessageEvent).data)
        if (!doc?.id) return
        lastSeen = String(doc.id)
        setItems((before) => (before ? newestFirst([doc, ...before.filter((item) => item.id !== doc.id)]) : before))
      })
      stream.addEventListener('unread', (event) => {
        const count = parse<{ unread?: number }>((event as MessageEvent).data)?.unread
        if (typeof count === 'number') setUnread(count)
      })
      stream.addEventListener('error', () => {
        setLive(false)
        // CONNECTING: the browser retries by itself. CLOSED (an error status): it never will, so the poll does.
        if (stream?.readyState === EventSource.CLOSED) stream = undefined
        poll ??= setInterval(() => {
          void loadCount()
          if (listWanted.current) void loadList()
          if (!stream) connect()
        }, POLL_MS)
      })
    }
    void loadCount()
    if (typeof EventSource === 'undefined') poll = setInterval(() => void loadCount(), POLL_MS)
    else connect()
    return () => {
      stream?.close()
      stopPolling()
    }
  }, [api, loadCount, loadList])

  const markAllRead = useCallback(async () => {
    const response = await fetch(`${api}/notifications/mark-all-read`, { method: 'POST', credentials: 'include' }).catch(() => null)
    if (!response?.ok) return false
    const now = new Date().toISOString()
    setItems((before) => before?.map((item) => (item.readAt ? item : { ...item, readAt: now })) ?? before)
    setUnread(0)
    return true
  }, [api])

  /** Marks one read (only `readAt` may change on a notification); kept alive if the page navigates away. */
  const markRead = useCallback(
    async (id: BellNotification['id']) => {
      const readAt = new Date().toISOString()
      const response = await fetch(`${api}/notifications/${id}`, {
        method: 'PATCH',
        credentials: 'include',
        keepalive: true,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ readAt }),
      }).catch(() => null)
      if (!response?.ok) return
      setItems((before) => before?.map((item) => (item.id === id ? { ...item, readAt } : item)) ?? before)
      void loadCount()
    },
    [api, loadCount],
  )

  return { unread, items, failed, live, loadList, markAllRead, markRead }
}

function parse<T>(data: unknown): T | null {
  try {
    return typeof data === 'string' ? (JSON.parse(data) as T) : null
  } catch {
    return null
  }
}
