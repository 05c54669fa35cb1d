import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { simpleParser, type ParsedMail } from 'mailparser'
import { chromium, type APIRequestContext, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core'

import { stopProcessGroup } from '../../../src/bin/stopProcessGroup'
import { fillField, submitAndExpectOk } from './interact'

/**
 * One Aula shared by every browser spec of a test run, on a free port with its own data and media
 * folders: a production build with the worker beside it (productionApp.ts), or `npm run dev` with
 * `E2E_APP=dev`. The first spec starts it and writes where it listens to a state file; later specs
 * reuse it; jest's global teardown stops it (`stopSharedAdminApp`). Run alone, a spec starts its own
 * and it is stopped the same way.
 */
export const ARTIFACTS = path.resolve('tests/artifacts')
export const PASSWORD = 'aula-admin-2026'
const STATE_FILE = path.join(os.tmpdir(), `aula-e2e-app-${process.ppid}-${process.pid}.json`)

interface AppState {
  base: string
  /** Process groups to stop at the end: the app (server, worker, PostgreSQL), the mail catcher. */
  pids: number[]
  workDir: string
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function waitFor200(url: string, timeoutMs: number, exited: () => string | null) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const why = exited()
    if (why) throw new Error(why)
    try {
      if ((await fetch(url)).status === 200) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000}s`)
}

/** The running admin's base URL (http://localhost:<port>), starting the app if no spec has yet. */
export async function adminApp(): Promise<string> {
  if (fs.existsSync(STATE_FILE)) {
    const state = JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')) as AppState
    if (state.pids.every(isAlive)) return state.base
  }
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aula-e2e-'))
  fs.chmodSync(workDir, 0o755)
  const port = await freePort()
  const base = `http://localhost:${port}`
  const catcher = spawn(process.execPath, ['--no-deprecation', 'node_modules/tsx/dist/cli.mjs', 'tests/e2e/support/mailCatcher.ts'], {
    env: { ...process.env, MAIL_DIR: path.join(workDir, 'mail') },
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const smtpPort = await new Promise<number>((resolve, reject) => {
    catcher.stdout!.once('data', (chunk: Buffer) => resolve(JSON.parse(chunk.toString()).port))
    catcher.once('exit', (code) => reject(new Error(`the mail catcher exited (${code})`)))
  })
  ;(catcher.stdout as unknown as { unref?: () => void }).unref?.()
  catcher.unref()
  const env = {
    ...process.env,
    PORT: String(port),
    SERVER_URL: base,
    AULA_DATA_DIR: path.join(workDir, 'data'),
    MEDIA_DIR: path.join(workDir, 'media'),
    EMBEDDED_POSTGRES_PORT: String(await freePort()),
    EMBEDDED_POSTGRES_FAST: 'true',
    DATABASE_URI: '',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtpPort),
    SMTP_SECURE: 'false',
    NODE_ENV: 'development',
    NEXT_TELEMETRY_DISABLED: '1',
    // Every browser spec logs the same seeded staff in through the form, from one address, within
    // one ten-minute window: more than the login budget allows a person (10 per email). The limiter
    // has its own tests (tests/security); here it would only turn the next spec's login into a 429.
    RATE_LIMIT_AUTH_PER_EMAIL: process.env.RATE_LIMIT_AUTH_PER_EMAIL ?? '200',
    RATE_LIMIT_AUTH_PER_IP: process.env.RATE_LIMIT_AUTH_PER_IP ?? '500',
  } as NodeJS.ProcessEnv
  const onDev = process.env.E2E_APP === 'dev'
  const command = onDev ? ['run', 'dev'] : ['exec', '--', 'tsx', 'tests/e2e/support/productionApp.ts']
  const app = spawn('npm', command, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  // The whole server log is kept beside the screenshots: a browser step that fails for a server-side
  // reason (a form-state request that throws) shows only a spinner on screen.
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  const logFile = fs.createWriteStream(path.join(ARTIFACTS, 'app-server.log'))
  const collect = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000)
    logFile.write(chunk)
  }
  app.stdout?.on('data', collect)
  app.stderr?.on('data', collect)
  // The log pipes must not keep jest's process alive once the spec is done.
  for (const stream of [app.stdout, app.stderr]) (stream as unknown as { unref?: () => void } | null)?.unref?.()
  app.unref()
  const pids = [app.pid!, catcher.pid!]
  fs.writeFileSync(STATE_FILE, JSON.stringify({ base, pids, workDir } satisfies AppState))
  // The production app builds first (about 140 s from nothing on the CI machine).
  await waitFor200(`${base}/admin/login`, 900_000, () =>
    app.exitCode !== null ? `npm ${command.join(' ')} exited (${app.exitCode}):\n${log.slice(-3000)}` : null,
  )
  if (onDev) {
    // The worker sends queued email, as `npm run worker` does beside the app; it shares dev's embedded PostgreSQL.
    const worker = spawn('npm', ['run', 'worker'], {
      env: { ...env, WORKER_INTERVAL_SECONDS: '1' },
      detached: true,
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    worker.unref()
    pids.push(worker.pid!)
    fs.writeFileSync(STATE_FILE, JSON.stringify({ base, pids, workDir } satisfies AppState))
  }
  return base
}

/** Every message the worker delivered so far, parsed, oldest first. */
export async function mailbox(): Promise<ParsedMail[]> {
  const state = JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')) as AppState
  const dir = path.join(state.workDir, 'mail')
  if (!fs.existsSync(dir)) return []
  const files = fs.readdirSync(dir).filter((name) => name.endsWith('.eml')).sort()
  return Promise.all(files.map((name) => simpleParser(fs.readFileSync(path.join(dir, name)))))
}

/** Waits until a delivered message matches (the worker ticks every second). */
export async function waitForMail(matches: (mail: ParsedMail) => boolean, timeoutMs = 60_000): Promise<ParsedMail> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const found = (await mailbox()).find(matches)
    if (found) return found
    if (Date.now() > deadline) throw new Error('No matching email arrived at the test SMTP server')
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
}

/** Stops the shared dev server (jest's global teardown calls this). */
export async function stopSharedAdminApp() {
  if (!fs.existsSync(STATE_FILE)) return
  const state = JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')) as AppState
  // The catcher first, the app (and the PostgreSQL it started) last.
  for (const pid of [...state.pids].reverse()) if (isAlive(pid)) await stopProcessGroup(pid, 15_000)
  fs.rmSync(state.workDir, { recursive: true, force: true })
  fs.rmSync(STATE_FILE, { force: true })
}

let browser: Browser | undefined

export async function theBrowser(): Promise<Browser> {
  browser ??= await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-dev-shm-usage'],
  })
  return browser
}

export async function closeBrowser() {
  await browser?.close()
  browser = undefined
}

/** Every request the admin's pages made to a host other than Aula's own (Gravatar, CDNs, fonts…). */
export const thirdPartyRequests: string[] = []

export interface LogInOptions {
  /** The browser's language (Accept-Language); the person's own `language` should still win. */
  locale?: string
  /** IANA zone the browser runs in; staff see item/business times whatever it is. */
  timezoneId?: string
  /** Open the admin at this origin instead of SERVER_URL's (e.g. http://127.0.0.1:<port> for the same server). */
  origin?: string
}

/**
 * A page in a fresh browser context (no session), with the options above. `E2E_CPU_THROTTLE=4` (or
 * any factor) slows the page's CPU that many times, as Chromium's DevTools do: the way to see on a
 * fast laptop what a loaded CI machine does to a spec.
 */
export async function newPage(options: LogInOptions = {}): Promise<Page> {
  const base = options.origin ?? (await adminApp())
  const context: BrowserContext = await (await theBrowser()).newContext({
    locale: options.locale ?? 'en-US',
    timezoneId: options.timezoneId,
    acceptDownloads: true,
    viewport: { width: 1366, height: 900 },
  })
  context.on('request', (request) => {
    const url = request.url()
    if (/^https?:/.test(url) && new URL(url).origin !== new URL(base).origin) thirdPartyRequests.push(url)
  })
  const page = await context.newPage()
  page.setDefaultTimeout(90_000)
  const throttle = Number(process.env.E2E_CPU_THROTTLE)
  if (throttle > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: throttle })
  return page
}

/** Logs in through the admin's own login form and returns the page (its context has the session). */
export async function logIn(email: string, options: LogInOptions = {}): Promise<Page> {
  const base = options.origin ?? (await adminApp())
  const page = await newPage(options)
  await page.goto(`${base}/admin/login`)
  // The form appears once the admin has asked the server who is logged in (nobody): typing is
  // checked to have stayed, and a refused login (a 429, a wrong password) fails here, saying so.
  await fillField(page.locator('#field-email'), email)
  await fillField(page.locator('#field-password'), PASSWORD)
  await submitAndExpectOk(page, page.locator('button[type=submit]'), '/api/users/login')
  await page.waitForURL((url) => !url.pathname.endsWith('/login'), { timeout: 120_000 })
  return page
}

/** Waits for the element, then its visible text (jest's expect has no Playwright matchers). */
export const textOf = async (locator: Locator) => {
  await locator.waitFor()
  return locator.innerText()
}

/**
 * A tab of the document being edited ("Participantes", "Asistencia"). Scoped to the document's
 * tabs: a collection in the menu can carry the same label, and the menu comes first in the page
 * (inert while the drawer is closed, so a click on it waits forever).
 */
export const documentTab = (page: Page, label: string) => page.locator('.doc-tabs').getByRole('link', { name: label, exact: true })

/** A fresh browser (or a narrow screen) starts with the menu drawer closed: open it as a person would. */
export async function openMenu(page: Page) {
  await page.locator('.nav--nav-hydrated').first().waitFor({ state: 'attached' })
  if (!(await page.locator('.nav--nav-open').count())) await page.locator('.nav-toggler').first().click()
  await page.locator('.nav--nav-open').first().waitFor({ state: 'attached' })
}

/** A full-page screenshot kept as a CI artifact under tests/artifacts. */
export const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true })

/** The shared dev server's embedded PostgreSQL, for a spec that must set up a row no API writes (a failed email). */
export async function devDatabaseUri(): Promise<string> {
  await adminApp()
  const state = JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')) as AppState
  const { runningEmbeddedPostgresPort } = await import('../../../src/db/embeddedPostgres')
  const port = runningEmbeddedPostgresPort(path.join(state.workDir, 'data', 'postgres'))
  if (!port) throw new Error('The dev server has no embedded PostgreSQL running')
  return `postgres://postgres:postgres@127.0.0.1:${port}/aula`
}

/** Same-origin header a browser's own fetch sends; Payload accepts cookie auth only from listed origins. */
export const sameOrigin = async () => ({ origin: await adminApp() })

type RequestOptions = NonNullable<Parameters<APIRequestContext['fetch']>[1]>

/**
 * The API called as the logged-in page would, from the test rather than the page (its cookies, the
 * same-origin header Payload wants for cookie auth). Playwright keeps these sockets alive without
 * knowing that the server closes idle ones after 5 s (Node's default; `next dev` has no flag for it):
 * a call that picks up a socket the server is closing at that instant fails with ECONNRESET (seen in
 * CI). The server never read such a request, so it is sent again, as a browser does.
 */
export function staffApi(page: Page) {
  const send = (method: string) => async (pathOrUrl: string, options: RequestOptions = {}) => {
    const base = await adminApp()
    const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${base}${pathOrUrl}`
    return page.request.fetch(url, { ...options, method, headers: { origin: base, ...options.headers }, maxRetries: 3 })
  }
  return { get: send('GET'), post: send('POST'), patch: send('PATCH'), delete: send('DELETE') }
}
