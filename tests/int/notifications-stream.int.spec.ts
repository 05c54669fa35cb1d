import { spawn, type ChildProcess } from 'node:child_process'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { sql } from '@payloadcms/db-postgres/drizzle'
import { commitTransaction, createLocalReq, initTransaction } from 'payload'

import { poolDrizzle, rowsOf } from '../../src/email/database'
import { notify, type NotifyInput } from '../../src/notifications/notify'
import { notificationListener } from '../../src/notifications/stream/listener'
import { startTestAula, type TestAula } from '../helpers/aula'
import { serveAulaOverHttp, type AulaHttpServer } from '../helpers/httpServer'

type Account = Awaited<ReturnType<TestAula['createUser']>>
interface StreamEvent {
  event: string
  id?: string
  data: any
}

let aula: TestAula
/** This (the test's) process: app instance one. */
let first: AulaHttpServer
/** Another process on the same database: app instance two. */
let second: Awaited<ReturnType<typeof startSecondProcess>>
let sales: Account, student: Account

beforeAll(async () => {
  aula = await startTestAula()
  first = await serveAulaOverHttp(aula.payload.config)
  second = await startSecondProcess(aula.databaseUri)
  sales = await aula.createUser(['sales'])
  student = await aula.createUser(['student'])
}, 120_000)

afterAll(async () => {
  await second?.stop()
  await first?.close()
  await aula.close()
})

const texts = (tag: string) => ({ title: { es: `Aviso ${tag}`, en: `Notice ${tag}` }, body: { es: `Texto ${tag}`, en: `Body ${tag}` } })

/** Through this process, committed like a hook's change. */
async function notifyHere(input: NotifyInput) {
  const req = await createLocalReq({}, aula.payload)
  await initTransaction(req)
  const created = await notify(req, input)
  await commitTransaction(req)
  return created
}

describe('GET /api/notifications/stream', () => {
  it('refuses an anonymous caller over HTTP', async () => {
    const response = await fetch(`${second.url}/api/notifications/stream`)
    expect(response.status).toBe(401)
  })

  it('a notification created through one app process reaches the recipient connected to another, in real time', async () => {
    const stream = await openStream(second.url, sales.token)
    expect(stream.response.headers.get('content-type')).toContain('text/event-stream')
    expect(await stream.next('unread')).toMatchObject({ data: { unread: 0 } })

    await notifyHere({ kind: 'lead_assigned', to: [sales.id], ...texts('uno'), link: '/admin/collections/leads/7' })
    const event = await stream.next('notification')
    expect(event.data).toMatchObject({ title: 'Aviso uno', body: 'Texto uno', kind: 'lead_assigned', recipient: sales.id, link: '/admin/collections/leads/7' })
    expect(event.id).toBe(String(event.data.id))
    expect(await stream.next('unread')).toMatchObject({ data: { unread: 1 } })
    stream.close()
  })

  it('the other direction too: created by the second process, received on this one', async () => {
    const stream = await openStream(first.url, sales.token)
    await stream.next('unread')
    expect(await second.notify({ kind: 'lead_assigned', to: [sales.id], ...texts('dos') })).toBe(1)
    expect((await stream.next('notification')).data.title).toBe('Aviso dos')
    stream.close()
  })

  it('a recipient’s stream never carries someone else’s notification', async () => {
    const stream = await openStream(second.url, student.token)
    await stream.next('unread')
    await notifyHere({ kind: 'lead_assigned', to: [sales.id], ...texts('ajeno') })
    await notifyHere({ kind: 'certificate_issued', to: [student.id], ...texts('propio') })
    const event = await stream.next('notification')
    expect(event.data.title).toBe('Aviso propio')
    expect(stream.seen.filter((each) => each.event === 'notification').map((each) => each.data.recipient)).toEqual([student.id])
    stream.close()
  })

  it('a client reconnecting with Last-Event-ID gets exactly what it missed, in order', async () => {
    const stream = await openStream(first.url, sales.token)
    await stream.next('unread')
    await notifyHere({ kind: 'lead_assigned', to: [sales.id], ...texts('antes') })
    const lastSeen = (await stream.next('notification')).id!
    stream.close()

    await notifyHere({ kind: 'lead_assigned', to: [sales.id], ...texts('perdido 1') })
    await second.notify({ kind: 'refund_requested', to: [sales.id], ...texts('perdido 2') })

    const resumed = await openStream(second.url, sales.token, { 'Last-Event-ID': lastSeen })
    expect((await resumed.next('notification')).data.title).toBe('Aviso perdido 1')
    expect((await resumed.next('notification')).data.title).toBe('Aviso perdido 2')
    await notifyHere({ kind: 'lead_assigned', to: [sales.id], ...texts('después') })
    expect((await resumed.next('notification')).data.title).toBe('Aviso después')
    expect(resumed.seen.filter((each) => each.event === 'notification').map((each) => each.data.title)).not.toContain('Aviso antes')
    resumed.close()

    // EventSource cannot set headers on its first connection: the query parameter does the same.
    const byQuery = await openStream(first.url, sales.token, {}, `?lastEventId=${lastSeen}`)
    expect((await byQuery.next('notification')).data.title).toBe('Aviso perdido 1')
    byQuery.close()
  })

  it('a notification committed while the database connection of the listeners was down still arrives after they reconnect', async () => {
    const onFirst = await openStream(first.url, student.token)
    const onSecond = await openStream(second.url, student.token)
    await onFirst.next('unread')
    await onSecond.next('unread')
    const killed = await poolDrizzle(aula.payload).execute(
      sql`WITH listeners AS MATERIALIZED (SELECT pid FROM pg_stat_activity WHERE application_name = 'aula-notifications-listener')
          SELECT pid, pg_terminate_backend(pid) AS terminated FROM listeners`,
    )
    // One listener per app process: this one and the second.
    expect(rowsOf(killed)).toHaveLength(2)
    await notifyHere({ kind: 'schedule_changed', to: [student.id], ...texts('durante el corte') })
    expect((await onFirst.next('notification', 15_000)).data.title).toBe('Aviso durante el corte')
    expect((await onSecond.next('notification', 15_000)).data.title).toBe('Aviso durante el corte')
    onFirst.close()
    onSecond.close()
  }, 40_000)

  it('lets go of the listener when the last client of a process disconnects', async () => {
    const stream = await openStream(first.url, sales.token)
    await stream.next('unread')
    expect(notificationListener(aula.payload).clientCount).toBeGreaterThan(0)
    stream.close()
    await waitFor(() => notificationListener(aula.payload).clientCount === 0)
    expect(notificationListener(aula.payload).clientCount).toBe(0)
  })
})

/** An SSE client over real HTTP: `next(event)` waits for the next event of that name not yet taken. */
async function openStream(baseUrl: string, token: string, headers: Record<string, string> = {}, query = '') {
  const abort = new AbortController()
  const response = await fetch(`${baseUrl}/api/notifications/stream${query}`, { headers: { authorization: `JWT ${token}`, ...headers }, signal: abort.signal })
  if (response.status !== 200) throw new Error(`stream answered ${response.status}: ${await response.text()}`)
  const seen: StreamEvent[] = []
  const taken = new Set<StreamEvent>()
  let waiters: (() => void)[] = []
  void (async () => {
    const decoder = new TextDecoder()
    let buffer = ''
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true })
        let end: number
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const lines = block.split('\n').filter((line) => !line.startsWith(':'))
          const field = (name: string) => lines.find((line) => line.startsWith(`${name}:`))?.slice(name.length + 1).trim()
          const data = field('data')
          if (data === undefined) continue
          seen.push({ event: field('event') ?? 'message', id: field('id'), data: JSON.parse(data) })
          const waiting = waiters
          waiters = []
          waiting.forEach((wake) => wake())
        }
      }
    } catch {
      // closed by the test
    }
  })()
  return {
    response,
    seen,
    async next(event: string, timeoutMs = 10_000): Promise<StreamEvent> {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const found = seen.find((each) => each.event === event && !taken.has(each))
        if (found) {
          taken.add(found)
          return found
        }
        if (Date.now() > deadline) throw new Error(`no "${event}" event within ${timeoutMs} ms; saw ${JSON.stringify(seen)}`)
        await new Promise<void>((resolve) => {
          waiters.push(resolve)
          setTimeout(resolve, 200)
        })
      }
    },
    close: () => abort.abort(),
  }
}

async function waitFor(condition: () => boolean, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50))
}

/** tests/helpers/notificationsProcess.ts on this test's database. */
async function startSecondProcess(databaseUri: string) {
  const child: ChildProcess = spawn(process.execPath, ['--no-deprecation', 'node_modules/tsx/dist/cli.mjs', 'tests/helpers/notificationsProcess.ts'], {
    env: { ...process.env, NOTIFY_DATABASE_URI: databaseUri },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let output = ''
  let errors = ''
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()))
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    const check = () => {
      const line = output.split('\n').find((each) => each.startsWith('ready '))
      if (line) resolve(line.slice('ready '.length).trim())
    }
    child.stdout?.on('data', check)
    child.once('exit', (code) => reject(new Error(`the second process exited (${code}) before it was ready: ${output}\n${errors.slice(-2000)}`)))
  })
  let answered = 0
  return {
    url,
    async notify(input: NotifyInput): Promise<number> {
      const before = answered
      child.stdin?.write(`${JSON.stringify({ notify: input })}\n`)
      answered += 1
      const deadline = Date.now() + 15_000
      for (;;) {
        const answers = output.split('\n').filter((line) => line.startsWith('notified '))
        if (answers.length > before) return Number(answers[before].slice('notified '.length))
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the second process did not notify: ${output}\n${errors.slice(-2000)}`)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    },
    async stop() {
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.stdin?.write(`${JSON.stringify({ exit: true })}\n`)
      const timer = setTimeout(() => child.kill('SIGTERM'), 10_000)
      await exited
      clearTimeout(timer)
    },
  }
}
