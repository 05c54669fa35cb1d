import next from 'next'
import path from 'node:path'

import { createAulaServer } from './createAulaServer'
import { loadRegistrationRoute } from './registrationRoute'

/**
 * `npm start`: Next.js in production mode behind Aula's own node:http server. Next's own server
 * only fills `X-Forwarded-For` when the client sent none, so route handlers could not tell a
 * forged address from a real one; this server stamps the socket's address first.
 */
const port = Number(process.env.PORT) || 3000

const app = next({ dev: false, port })
await app.prepare()
const handle = app.getRequestHandler()
const upgrade = app.getUpgradeHandler()
// Registrations skip Next's router, not its route handler (src/server/registrationRoute.ts). The folder is next.config.mjs's `distDir`.
const registration = await loadRegistrationRoute(path.resolve(process.env.NEXT_DIST_DIR || '.next'))

createAulaServer({
  request: (request, response) => handle(request, response),
  shortcut: registration ?? undefined,
  upgrade: (request, socket, head) => upgrade(request, socket, head),
}).listen(port, () => {
  console.log(`Aula listening on port ${port}`)
})
