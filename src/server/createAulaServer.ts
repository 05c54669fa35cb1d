import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'

import { stampPeerAddress } from './stampPeerAddress'

export interface AulaServerHandlers {
  request: (request: IncomingMessage, response: ServerResponse) => unknown
  /** Tried first; true when it took the request (src/server/registrationRoute.ts). */
  shortcut?: (request: IncomingMessage, response: ServerResponse) => boolean
  upgrade?: (request: IncomingMessage, socket: Duplex, head: Buffer) => unknown
}

/**
 * A plain node:http server that stamps every request (and WebSocket upgrade) with the address of
 * its socket before handing it on, so rate limits see who really connected (docs/rate-limits.md).
 */
export function createAulaServer(handlers: AulaServerHandlers): Server {
  const server = createServer((request, response) => {
    stampPeerAddress(request)
    if (handlers.shortcut?.(request, response)) return
    return handlers.request(request, response)
  })
  if (handlers.upgrade) {
    const upgrade = handlers.upgrade
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      stampPeerAddress(request)
      return upgrade(request, socket, head)
    })
  }
  return server
}
