import { randomUUID } from 'node:crypto'

export const REQUEST_ID_HEADER = 'X-Request-Id'

/**
 * A proxy or a client may send its own id so one request can be followed across systems. It ends up
 * in log lines and headers, so only short ids of harmless characters are taken (no spaces, quotes or
 * control characters to forge log lines with); anything else is replaced by a fresh UUID.
 */
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/

export const requestIdFor = (request: Request): string => {
  const incoming = request.headers.get(REQUEST_ID_HEADER)?.trim()
  return incoming && ACCEPTABLE_REQUEST_ID.test(incoming) ? incoming : randomUUID()
}
