import type { IncomingMessage } from 'node:http'

import { PEER_ADDRESS_HEADER } from '../rateLimit/clientAddress'

/**
 * What a proxy does, done by Aula's own server before Next sees the request: the socket's address
 * becomes the last `X-Forwarded-For` entry, and the private peer header (a client's copy of it is
 * overwritten). `src/rateLimit/clientAddress.ts` reads them with the configured number of proxy hops.
 */
export function stampPeerAddress(request: IncomingMessage): void {
  const peer = request.socket.remoteAddress ?? 'unknown'
  request.headers[PEER_ADDRESS_HEADER] = peer
  const forwarded = request.headers['x-forwarded-for']
  const chain = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).trim()
  request.headers['x-forwarded-for'] = chain ? `${chain}, ${peer}` : peer
}
