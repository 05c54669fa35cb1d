import type { Endpoint } from 'payload'

import { routeId } from '../../endpoints/routeId'
import { credentialResponse } from './credentialResponse'
import { publishedKeys } from './keys/keyRing'

/**
 * `GET /api/certificates/jwks`: every public key that ever signed a credential here, current and
 * retired, so a credential issued years ago still verifies. Public keys only (keys/keyRing.ts builds
 * each entry from `kty`, `crv`, `x` and nothing else), cacheable for an hour.
 */
export const jwksEndpoint: Endpoint = {
  path: '/jwks',
  method: 'get',
  handler: async (req) =>
    Response.json({ keys: await publishedKeys(req.payload) }, { headers: { 'content-type': 'application/jwk-set+json', 'cache-control': 'public, max-age=3600' } }),
}

/**
 * `GET /api/certificates/:id/credential`: the holder (and whoever may read the certificate: its
 * item's instructors, staff) downloads the signed credential to put in a wallet or send along.
 * Read through the collection's own access rules as the caller, so an id that is not theirs is the
 * same 404 as one that does not exist.
 */
export const downloadCredentialEndpoint: Endpoint = {
  path: '/:id/credential',
  method: 'get',
  handler: async (req) => {
    const id = routeId(req)
    const certificate = await req.payload.findByID({
      collection: 'certificates',
      id,
      depth: 0,
      select: { number: true, credential: true },
      overrideAccess: false,
      req,
      disableErrors: true,
    })
    if (!certificate?.credential) return Response.json({ errors: [{ message: 'Not Found' }] }, { status: 404 })
    return credentialResponse(certificate)
  },
}
