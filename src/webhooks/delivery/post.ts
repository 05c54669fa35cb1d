import http from 'node:http'
import https from 'node:https'
import { isIP, type LookupFunction } from 'node:net'

export const DELIVERY_TIMEOUT_MS = 10_000
export const RESPONSE_EXCERPT_CHARS = 500
/** Enough to fill the excerpt whatever the encoding; the rest of a large answer is not read. */
const MAX_RESPONSE_BYTES = 8 * 1024

export interface PostOutcome {
  statusCode: number | null
  durationMs: number
  responseExcerpt: string | null
  error: string | null
}

/**
 * Connects to `addresses` (what checkReceiverUrl resolved and approved) instead of resolving the name
 * again, so a DNS answer that changes between the check and the connection cannot point the request
 * inside the network. TLS still verifies the certificate for the URL's host name.
 */
const pinnedLookup = (addresses: string[]): LookupFunction => (_hostname, options, callback) => {
  const entries = addresses.map((address) => ({ address, family: isIP(address) }))
  if (options.all) (callback as (error: null, entries: { address: string; family: number }[]) => void)(null, entries)
  else callback(null, entries[0].address, entries[0].family)
}

/**
 * One POST, at most DELIVERY_TIMEOUT_MS from start to the end of the answer. Redirects are not
 * followed (a 3xx is an answer like any other), and a fresh connection is used every time.
 */
export function postWebhook({ url, addresses, headers, body, timeoutMs = DELIVERY_TIMEOUT_MS }: { url: URL; addresses: string[]; headers: Record<string, string>; body: string; timeoutMs?: number }): Promise<PostOutcome> {
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  const client = url.protocol === 'https:' ? https : http
  return new Promise((resolve) => {
    let settled = false
    const finish = (outcome: Omit<PostOutcome, 'durationMs'>) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve({ ...outcome, durationMs: elapsed() })
    }
    const request = client.request(url, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      agent: false,
      lookup: addresses.length ? pinnedLookup(addresses) : undefined,
    })
    const timer = setTimeout(() => {
      finish({ statusCode: null, responseExcerpt: null, error: `No answer within ${timeoutMs / 1000} s` })
      request.destroy()
    }, timeoutMs)
    request.on('error', (error) => finish({ statusCode: null, responseExcerpt: null, error: error.message || String(error) }))
    request.on('response', (response) => {
      const chunks: Buffer[] = []
      let received = 0
      const answer = () => finish({ statusCode: response.statusCode ?? null, responseExcerpt: excerptOf(Buffer.concat(chunks)), error: null })
      response.on('data', (chunk: Buffer) => {
        if (received >= MAX_RESPONSE_BYTES) return
        chunks.push(chunk)
        received += chunk.length
        if (received >= MAX_RESPONSE_BYTES) {
          answer()
          response.destroy()
        }
      })
      response.on('end', answer)
      response.on('error', answer)
    })
    request.end(body)
  })
}

const excerptOf = (bytes: Buffer): string | null => {
  const text = bytes.toString('utf8')
  return text ? text.slice(0, RESPONSE_EXCERPT_CHARS) : null
}
