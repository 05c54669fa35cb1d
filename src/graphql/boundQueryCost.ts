import { GraphQLError, type ExecutionArgs, type ValidationRule } from 'graphql'

import { readGraphQLCostLimits, type GraphQLCostLimits } from './costLimits'
import { measureQueryCost, type QueryCost } from './queryCost'

/**
 * Set on the answer (through Payload's GraphQL context, whose `headers` it copies onto the response)
 * when this rule refused a query; `refuseCostlyQueries` turns it into the status and removes it.
 * graphql-http answers validation errors with 200 to clients that accept `application/json`.
 */
export const COST_REFUSED_HEADER = 'x-aula-graphql-cost-refused'

const BOUNDS: { key: keyof QueryCost; what: string }[] = [
  { key: 'rootFields', what: 'root fields and aliases' },
  { key: 'depth', what: 'levels of nesting' },
  { key: 'documents', what: 'documents (each list counts its limit, 10 when omitted, for every document around it)' },
  { key: 'complexity', what: 'complexity (selections times the documents they are read for)' },
]

/** The first bound `cost` passes, said so the caller knows what to change; null when it passes none. */
export const describeExcess = (cost: QueryCost, limits: GraphQLCostLimits) => {
  const bound = BOUNDS.find(({ key }) => cost[key] > limits[key])
  if (!bound) return null
  const asked = Number.isFinite(cost[bound.key]) ? `more than ${limits[bound.key]}` : 'every document (limit 0 or pagination: false)'
  return `This query asks for too much: ${asked} ${bound.what}; at most ${limits[bound.key]} are allowed. Ask for less, or split it into several requests.`
}

/**
 * `graphQL.validationRules`: measures the whole document before any resolver runs and refuses it
 * when it passes a bound (docs/security.md, "GraphQL cost"). Validation happens before execution,
 * so a refused query reads nothing from the database.
 */
export const boundQueryCost =
  (limits: GraphQLCostLimits = readGraphQLCostLimits()) =>
  (args: ExecutionArgs): ValidationRule[] => [
    (context) => ({
      Document: {
        enter(document) {
          const cost = measureQueryCost(context.getSchema(), document, (args.variableValues ?? {}) as Record<string, unknown>, limits)
          const message = describeExcess(cost, limits)
          if (message) {
            const responseHeaders = (args.contextValue as { headers?: Record<string, string> } | undefined)?.headers
            if (responseHeaders) responseHeaders[COST_REFUSED_HEADER] = '1'
            context.reportError(new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COSTLY', statusCode: 400 } }))
          }
          return false
        },
      },
    }),
  ]
