import { spawn, type ChildProcess } from 'node:child_process'

/**
 * A real `npm run worker` process on a test's database and SMTP sink, ticking every second, in its
 * own process group (tsx runs the script in a child, so a signal must reach the whole group).
 * Resolves once the worker says it is running jobs.
 */
export function startWorkerProcess({ databaseUri, smtpPort, env = {} }: { databaseUri: string; smtpPort: number; env?: Record<string, string> }): Promise<ChildProcess> {
  const worker = spawn(process.execPath, ['--no-deprecation', 'node_modules/tsx/dist/cli.mjs', 'src/bin/worker.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URI: databaseUri,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtpPort),
      SMTP_SECURE: 'false',
      JOBS_AUTORUN: 'false',
      WORKER_INTERVAL_SECONDS: '1',
      // e.g. MEDIA_DIR: the test app's upload folder, so files the worker stores are the ones the app serves.
      ...env,
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  worker.stderr?.on('data', () => undefined)
  return new Promise((resolve, reject) => {
    let output = ''
    worker.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('Aula worker running jobs')) resolve(worker)
    })
    worker.once('exit', (code) => reject(new Error(`A worker exited (${code}) before it started: ${output}`)))
  })
}

/** Sends `signal` to the worker and every process it started. */
export function signalWorkerGroup(worker: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-worker.pid!, signal)
  } catch {
    // already gone
  }
}
