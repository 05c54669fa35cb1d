import next from 'next'

import { createAulaServer } from './createAulaServer'

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

createAulaServer({
  request: (request, response) => handle(request, response),
  upgrade: (request, socket, head) => upgrade(request, socket, head),
}).listen(port, () => {
  console.log(`Aula listening on port ${port}`)
})
