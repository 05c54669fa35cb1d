import { parse, valueFromASTUntyped, visit, type DocumentNode } from 'graphql'

import { emailsIn } from './emails'
import { GRAPHQL_RULES, type RateLimitRule } from './rules'

export interface LimitedCall {
  rule: RateLimitRule['name']
  emails: string[]
}

/**
 * One call per limited mutation field in a GraphQL request body: ten aliases of `loginUser` are
 * ten logins, in any operation or fragment of the document, and each entry of a batch (an array
 * body) counts too. Emails are read from inline arguments and from variables alike. A document
 * that does not parse runs nothing, so it costs nothing here.
 */
export function limitedGraphQLCalls(body: unknown): LimitedCall[] {
  const requests = Array.isArray(body) ? body : [body]
  return requests.flatMap((request) => {
    if (!request || typeof request !== 'object') return []
    const { query, variables } = request as { query?: unknown; variables?: unknown }
    const document = typeof query === 'string' ? parseOrNull(query) : null
    if (!document) return []
    const values = variables && typeof variables === 'object' && !Array.isArray(variables) ? (variables as Record<string, unknown>) : {}
    const calls: LimitedCall[] = []
    visit(document, {
      Field(field) {
        const rule = GRAPHQL_RULES[field.name.value]
        if (!rule) return
        const args = Object.fromEntries((field.arguments ?? []).map((argument) => [argument.name.value, valueFromASTUntyped(argument.value, values)]))
        calls.push({ rule, emails: [...emailsIn(args)] })
        // What is selected below a mutation is its answer, not further calls.
        return false
      },
    })
    return calls
  })
}

function parseOrNull(query: string): DocumentNode | null {
  try {
    return parse(query)
  } catch {
    return null
  }
}
