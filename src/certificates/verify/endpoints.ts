import type { Endpoint, PayloadRequest } from 'payload'

import { credentialResponse } from '../credential/credentialResponse'
import { downloadCredentialEndpoint, jwksEndpoint } from '../credential/endpoints'
import { findByVerificationCode } from './lookup'
import { publicSummary } from './publicSummary'
import { countVerification } from './rateLimit'

const notFound = () => Response.json({ errors: [{ message: 'Not Found' }] }, { status: 404, headers: { 'cache-control': 'no-store' } })

const tooMany = (seconds: number) =>
  Response.json({ errors: [{ message: `Too many requests. Try again in ${seconds} seconds.` }] }, { status: 429, headers: { 'Retry-After': String(seconds) } })

/** Budget first (unknown and malformed codes count too: they are what a prober sends), then the lookup. */
async function certificateFor(req: PayloadRequest): Promise<{ certificate: Record<string, any> } | { response: Response }> {
  const wait = await countVerification(req.payload, req.headers)
  if (wait !== null) return { response: tooMany(wait) }
  const certificate = await findByVerificationCode(req.payload, req.routeParams?.code)
  return certificate ? { certificate } : { response: notFound() }
}

/**
 * `GET /api/certificates/verify/:code`: the public check an employer's software makes, as JSON
 * (docs/after-event.md, "Para desarrolladores"). Anonymous, rate limited per address, and it says
 * nothing a code's holder did not already print on the certificate. `no-store`: a revocation must
 * show at once, not after a cache expires.
 */
export const verifyCertificateEndpoint: Endpoint = {
  path: '/verify/:code',
  method: 'get',
  handler: async (req) => {
    const found = await certificateFor(req)
    if ('response' in found) return found.response
    return Response.json(publicSummary(req.payload, found.certificate), { headers: { 'cache-control': 'no-store' } })
  },
}

/**
 * `GET /api/certificates/verify/:code/credential`: the signed Open Badges credential of a valid
 * certificate, for whoever the holder shared the code with (it carries the same facts as the JSON
 * above). A revoked certificate's credential is withdrawn: 410.
 */
export const publicCredentialEndpoint: Endpoint = {
  path: '/verify/:code/credential',
  method: 'get',
  handler: async (req) => {
    const found = await certificateFor(req)
    if ('response' in found) return found.response
    const { certificate } = found
    if (certificate.status === 'revoked') {
      return Response.json({ errors: [{ message: 'This certificate was revoked; its credential is withdrawn.' }] }, { status: 410, headers: { 'cache-control': 'no-store' } })
    }
    if (!certificate.credential) return notFound()
    return credentialResponse(certificate)
  },
}

/**
 * Everything public about certificates plus the holder's download, for the certificates
 * collection's `endpoints` (listed before any `/:id` route there, so `jwks` and `verify` are never
 * read as ids).
 */
export const certificateVerificationEndpoints: Endpoint[] = [jwksEndpoint, verifyCertificateEndpoint, publicCredentialEndpoint, downloadCredentialEndpoint]
