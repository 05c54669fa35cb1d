/**
 * Set by Aula's own HTTP server (src/server) to the address of the socket the request came in on;
 * any copy a client sends is removed first. Next.js route handlers cannot see the socket.
 */
export const PEER_ADDRESS_HEADER = 'x-aula-peer-address'

type HeaderSource = { get(name: string): string | null }

/**
 * The caller's address, counting `trustedProxyHops` proxies in front of Aula. Each proxy appends
 * the address it saw to `X-Forwarded-For`, and Aula's server appends the socket's address last, so
 * the entry `hops` places from the right is the last one written by someone we trust; anything to
 * its left was written by the client. With 0 hops the caller is the socket itself.
 *
 * Without Aula's server (`next dev`) there is no peer header: the chain is what Next reports (it
 * adds the socket's address only when the client sent none), which a client can forge; see
 * docs/rate-limits.md.
 */
export function clientAddress(headers: HeaderSource, trustedProxyHops: number): string {
  const chain = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  const peer = headers.get(PEER_ADDRESS_HEADER)?.trim()
  if (peer && chain[chain.length - 1] !== peer) chain.push(peer)
  if (chain.length === 0) return 'unknown'
  // Fewer entries than trusted hops: the request skipped a proxy; the leftmost entry is still one a proxy or the server wrote.
  return chain[Math.max(0, chain.length - 1 - trustedProxyHops)]
}
