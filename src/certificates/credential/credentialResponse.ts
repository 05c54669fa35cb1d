/** The media type of a VC 2.0 credential secured as a JWT (W3C VC-JOSE-COSE). */
export const CREDENTIAL_MEDIA_TYPE = 'application/vc+jwt'

/** The compact JWS as a download named after the certificate (`AULA-2026-000123.jwt`). */
export const credentialResponse = (certificate: { number?: unknown; credential?: unknown }) =>
  new Response(String(certificate.credential), {
    headers: {
      'content-type': CREDENTIAL_MEDIA_TYPE,
      'content-disposition': `attachment; filename="${String(certificate.number).replace(/[^\w.-]/g, '_')}.jwt"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  })
