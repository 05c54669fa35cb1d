import config from '@payload-config'
import { getPayload } from 'payload'

import { renderPlaygroundPage } from '../../../../graphql/playground/playgroundPage'

/**
 * GET /api/graphql-playground: Aula's own playground (src/graphql/playground), replacing Payload's,
 * whose page loads its code from cdn.jsdelivr.net and fonts from Google (blank offline). Off in
 * production and with GraphQL disabled, as Payload's was (`graphQL.disablePlaygroundInProduction`).
 */
export const GET = async () => {
  const { config: sanitized } = await getPayload({ config })
  const off = sanitized.graphQL.disable || (process.env.NODE_ENV === 'production' && sanitized.graphQL.disablePlaygroundInProduction)
  if (off) return new Response('Route Not Found', { status: 404 })
  const { html, headers } = renderPlaygroundPage(`${sanitized.routes.api}${sanitized.routes.graphQL}`)
  return new Response(html, { status: 200, headers })
}
