import { GraphQLError, parse, type DocumentNode } from 'graphql'

import { COST_REFUSED_HEADER, describeExcess } from './boundQueryCost'
import { readGraphQLCostLimits, type GraphQLCostLimits } from './costLimits'
import { measureQueryCost } from './queryCost'

type Handler<A extends unknown[]> = (request: Request, ...rest: A) => Promise<Response>

/**
 * Wraps the GraphQL route. Before Payload sees the request, the document is measured without the
 * schema (root fields, nesting, fragments expanded): GraphQL's own validation, and Payload's
 * complexity rule most of all, walk every fragment spread again and again, so a few lines of
 * fragments spreading fragments would keep them busy for hours. Afterwards, a query the schema-aware
 * `boundQueryCost` rule refused answers 400 whatever the client accepts (graphql-http says 200 to
 * `application/json` clients). Either way nothing reaches the database.
 */
export function refuseCostlyQueries<A extends unknown[]>(handler: Handler<A>, limits: GraphQLCostLimits = readGraphQLCostLimits()): Handler<A> {
  return async (request, ...rest) => {
    const refusal = await measureBeforeValidation(request, limits)
    if (refusal) return refusal
    const response = await handler(request, ...rest)
    if (!response.headers.has(COST_REFUSED_HEADER)) return response
    const headers = new Headers(response.headers)
    headers.delete(COST_REFUSED_HEADER)
    return new Response(response.body, { status: 400, headers })
  }
}

async function measureBeforeValidation(request: Request, limits: GraphQLCostLimits): Promise<Response | null> {
  const body = (await request
    .clone()
    .json()
    .catch(() => null)) as { query?: unknown; variables?: unknown } | null
  if (!body || typeof body.query !== 'string') return null
  let document: DocumentNode
  try {
    document = parse(body.query)
  } catch {
    // graphql-http answers a syntax error itself.
    return null
  }
  const variables = body.variables && typeof body.variables === 'object' ? (body.variables as Record<string, unknown>) : {}
  const message = describeExcess(measureQueryCost(null, document, variables, limits), limits)
  if (!message) return null
  const error = new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COSTLY', statusCode: 400 } })
  return Response.json({ errors: [error.toJSON()] }, { status: 400 })
}
