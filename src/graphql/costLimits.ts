/**
 * How much one GraphQL request may ask for. Payload's own complexity rule counts a field once,
 * whatever its `limit`, so 500 aliases of `Webinars(limit: 100) { totalDocs }` pass it and run
 * 500 queries. These bounds count what the database will actually be asked to do.
 */
export interface GraphQLCostLimits {
  /** Root fields, aliases included, over every operation in the document. */
  rootFields: number
  /** Nesting of selections; a root field is depth 1. */
  depth: number
  /** Documents the resolvers may load: each list's `limit` (Payload's 10 when omitted), multiplied through nesting. */
  documents: number
  /** Every selection (fields and fragment spreads), multiplied by the documents of the lists around it. */
  complexity: number
}

type Env = Record<string, string | undefined>
const positive = (value: string | undefined, fallback: number) => (Number.isInteger(Number(value)) && Number(value) > 0 ? Number(value) : fallback)

export function readGraphQLCostLimits(env: Env = process.env): GraphQLCostLimits {
  return {
    rootFields: positive(env.GRAPHQL_MAX_ROOT_FIELDS, 20),
    depth: positive(env.GRAPHQL_MAX_DEPTH, 20),
    documents: positive(env.GRAPHQL_MAX_DOCUMENTS, 1000),
    complexity: positive(env.GRAPHQL_MAX_COMPLEXITY, 25000),
  }
}
