import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { freePort } from '../../src/db/embeddedPostgres'
import { stopProcessGroup } from '../../src/bin/stopProcessGroup'

const root = process.cwd()
const nextBin = path.resolve(root, 'node_modules/next/dist/bin/next')
const tsxCli = path.resolve(root, 'node_modules/tsx/dist/cli.mjs')
/** NODE_OPTIONS of the `start` script in package.json, so the benchmark runs the server as production does. */
const START_NODE_OPTIONS = /NODE_OPTIONS="([^"]+)"/.exec(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.start)?.[1] ?? ''

/** `next build` once; a later run reuses `.next` unless `--rebuild` is passed. */
export async function ensureProductionBuild(databaseUri: string): Promise<void> {
  const cached = fs.existsSync(path.join(root, '.next/BUILD_ID'))
  if (cached && !process.argv.includes('--rebuild')) {
    console.log('production build: reusing .next (pass --rebuild to build again)')
    return
  }
  console.log('production build: next build (a few minutes)…')
  const started = performance.now()
  const child = spawn(process.execPath, ['--no-deprecation', nextBin, 'build'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, PAYLOAD_SECRET: 'bench-only-secret-0123456789abcdef', DATABASE_URI: databaseUri, NODE_ENV: 'production' },
  })
  const code = await new Promise<number>((resolve) => child.on('exit', (exitCode) => resolve(exitCode ?? 1)))
  if (code !== 0) throw new Error(`next build failed (exit ${code})`)
  console.log(`production build: done in ${((performance.now() - started) / 1000).toFixed(0)} s`)
}

export interface RunningServer {
  url: string
  pid: number
  /** Starts peak-RSS sampling from now on (sampling every 200 ms). */
  resetPeakRss: () => void
  /** Highest summed RSS of the group's node processes since the last reset, in bytes. */
  peakRss: () => number
  /** CPU time (user + system) the group's node processes have used so far, in ms: a run's difference is its cost, whatever else the machine does. */
  cpuMs: () => number
  /** The last few thousand characters the server printed (for a failed run's report). */
  logTail: () => string
  stop: () => Promise<void>
}

/**
 * What `npm start` runs (Aula's node:http server in front of Next) on a free port as its own process group, production settings, rate limits off, no jobs.
 * `extraEnv`: a run's own switches (the registration burst's `AULA_AUDIT_LOG=off`, `METRICS_TOKEN`). Call it twice for two
 * instances on one database: each gets its own free port, process group and RSS sampling.
 */
export async function startProductionServer(databaseUri: string, extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, [tsxCli, path.resolve(root, 'src/server/start.ts')], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      // The same Node options as `npm start` (package.json).
      NODE_OPTIONS: START_NODE_OPTIONS,
      NODE_ENV: 'production',
      PORT: String(port),
      PAYLOAD_SECRET: 'bench-only-secret-0123456789abcdef',
      DATABASE_URI: databaseUri,
      SERVER_URL: url,
      RATE_LIMIT_DISABLED: 'true',
      JOBS_AUTORUN: 'false',
      ...extraEnv,
    },
  })
  const output: string[] = []
  child.stdout?.on('data', (chunk) => output.push(String(chunk)))
  child.stderr?.on('data', (chunk) => output.push(String(chunk)))
  const pid = child.pid as number
  return watchServer(child, pid, url, output, '/api/webinars?limit=1')
}

/** A child process (its own group) serving `readyPath` on `url`, with RSS sampling. */
export async function watchServer(child: ChildProcess, pid: number, url: string, output: string[], readyPath: string): Promise<RunningServer> {
  let peak = 0
  const sampler = setInterval(() => {
    peak = Math.max(peak, groupRss(pid))
  }, 200)
  const stop = async () => {
    clearInterval(sampler)
    await stopProcessGroup(pid)
  }
  const deadline = Date.now() + 120_000
  for (;;) {
    if (child.exitCode !== null) {
      clearInterval(sampler)
      throw new Error(`server exited (${child.exitCode}) before answering:\n${output.join('').slice(-3000)}`)
    }
    const ok = await fetch(`${url}${readyPath}`).then((response) => response.status === 200, () => false)
    if (ok) break
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`server did not answer ${readyPath} within 120 s:\n${output.join('').slice(-3000)}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  return { url, pid, resetPeakRss: () => void (peak = groupRss(pid)), peakRss: () => peak, cpuMs: () => groupCpuMs(pid), logTail: () => output.join('').slice(-4000), stop }
}

/** Sum of VmRSS over the node processes whose process group is `pgid` (Linux /proc). */
export function groupRss(pgid: number): number {
  let total = 0
  for (const { status } of processes((fields, name) => Number(fields[2]) === pgid && NODE_NAMES.test(name))) {
    const rss = /^VmRSS:\s*(\d+) kB/m.exec(status)
    if (rss) total += Number(rss[1]) * 1024
  }
  return total
}

/** CPU time (user + system, ms) of the node processes whose process group is `pgid`. */
export const groupCpuMs = (pgid: number) => cpuMs((fields, name) => Number(fields[2]) === pgid && NODE_NAMES.test(name))

/**
 * CPU time (ms) of every PostgreSQL process of the machine, the children it has reaped included (a backend that
 * ended): a run's difference is what the database spent on it, when the benchmark's database is the only one busy.
 */
export const postgresCpuMs = () => cpuMs((_fields, name) => name === 'postgres', true)

const NODE_NAMES = /^(node|next-server|next)/
/** USER_HZ: the unit of /proc/<pid>/stat's times; 100 on every Linux this runs on. */
const CLOCK_TICKS_PER_SECOND = 100

function cpuMs(select: (fields: string[], name: string) => boolean, withReapedChildren = false): number {
  let ticks = 0
  for (const { fields } of processes(select)) {
    // utime stime cutime cstime are fields 14–17 of stat, 11–14 after the name.
    ticks += Number(fields[11]) + Number(fields[12]) + (withReapedChildren ? Number(fields[13]) + Number(fields[14]) : 0)
  }
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND
}

/** Linux /proc: each process `select` keeps, with its stat fields after the parenthesised name (state ppid pgrp …) and its status text. */
function processes(select: (fields: string[], name: string) => boolean): { fields: string[]; status: string }[] {
  const found: { fields: string[]; status: string }[] = []
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (!select(fields, name)) continue
      found.push({ fields, status: fs.readFileSync(`/proc/${entry}/status`, 'utf8') })
    } catch {
      // The process ended between listing and reading.
    }
  }
  return found
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`

/** bench/lib/bareCatalogServer.ts in a child process group on a free port. */
export async function startBareCatalogServer(databaseUri: string): Promise<RunningServer> {
  const port = await freePort()
  const child = spawn(process.execPath, ['--no-deprecation', path.resolve(root, 'node_modules/tsx/dist/cli.mjs'), path.resolve(root, 'bench/lib/bareCatalogServer.ts')], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    // The same Node options as Aula's server, so neither side is tuned and the other not.
    env: { ...process.env, NODE_OPTIONS: START_NODE_OPTIONS, NODE_ENV: 'production', DATABASE_URI: databaseUri, PORT: String(port) },
  })
  const output: string[] = []
  child.stdout?.on('data', (chunk) => output.push(String(chunk)))
  child.stderr?.on('data', (chunk) => output.push(String(chunk)))
  return watchServer(child, child.pid as number, `http://127.0.0.1:${port}`, output, '/api/webinars?limit=1')
}

/**
 * bench/lib/bareRegistrationServer.ts in a child process group on a free port, with the Node options, secret and
 * server URL Aula's server gets (its emails' cancel links are signed and built the same way).
 */
export async function startBareRegistrationServer(databaseUri: string): Promise<RunningServer> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, ['--no-deprecation', tsxCli, path.resolve(root, 'bench/lib/bareRegistrationServer.ts')], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_OPTIONS: START_NODE_OPTIONS,
      NODE_ENV: 'production',
      DATABASE_URI: databaseUri,
      PORT: String(port),
      PAYLOAD_SECRET: 'bench-only-secret-0123456789abcdef',
      SERVER_URL: url,
    },
  })
  const output: string[] = []
  child.stdout?.on('data', (chunk) => output.push(String(chunk)))
  child.stderr?.on('data', (chunk) => output.push(String(chunk)))
  return watchServer(child, child.pid as number, url, output, '/stats')
}
