/**
 * A second Aula application process for the notifications stream test: `tsx tests/helpers/notificationsProcess.ts`
 * with NOTIFY_DATABASE_URI. It starts Aula on that (shared) database behind a real HTTP server, prints
 * `ready <url>`, then reads JSON lines on stdin: `{"notify": <NotifyInput>}` creates notifications through
 * this process (in a committed transaction) and prints `notified <count>`; `{"exit": true}` stops it.
 */
import readline from 'node:readline'

import { commitTransaction, createLocalReq, initTransaction } from 'payload'

import { notify, type NotifyInput } from '../../src/notifications/notify'
import { startTestAula } from './aula'
import { serveAulaOverHttp } from './httpServer'

const aula = await startTestAula({ databaseUri: process.env.NOTIFY_DATABASE_URI })
const server = await serveAulaOverHttp(aula.payload.config)
console.log(`ready ${server.url}`)

for await (const line of readline.createInterface({ input: process.stdin })) {
  const command = JSON.parse(line) as { notify?: NotifyInput; exit?: boolean }
  if (command.exit) break
  if (command.notify) {
    const req = await createLocalReq({}, aula.payload)
    await initTransaction(req)
    const created = await notify(req, command.notify)
    await commitTransaction(req)
    console.log(`notified ${created}`)
  }
}
await server.close()
await aula.close()
process.exit(0)
