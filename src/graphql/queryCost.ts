import {
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql'

import type { GraphQLCostLimits } from './costLimits'

export type QueryCost = GraphQLCostLimits

/** What Payload's find uses when a query names no `limit` (and what `pagination: false` or `limit: 0` lift: every document). */
const PAYLOAD_DEFAULT_LIMIT = 10

type Variables = Record<string, unknown>

/**
 * Measures a GraphQL document against the schema without running it. Fields that take a `limit`
 * are Payload's lists (collection and version queries): each loads `limit` documents for every
 * document around it. Fragments are followed where they are spread. Without a schema (before
 * validation) no field is known to be a list: root fields, depth and the size of the expanded
 * selection are still measured. The walk stops as soon as one
 * bound is passed, so a document built to be expensive to measure (fragments spreading fragments)
 * costs no more than the bounds allow.
 */
export function measureQueryCost(schema: GraphQLSchema | null, document: DocumentNode, variables: Variables = {}, limits?: GraphQLCostLimits): QueryCost {
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition)
  }
  const cost: QueryCost = { rootFields: 0, depth: 0, documents: 0, complexity: 0 }
  const over = () =>
    Boolean(limits) &&
    (cost.rootFields > limits!.rootFields || cost.depth > limits!.depth || cost.documents > limits!.documents || cost.complexity > limits!.complexity)

  const walk = (selectionSet: SelectionSetNode, parentType: GraphQLNamedType | undefined | null, depth: number, multiplier: number, vars: Variables, root: boolean, spread: Set<string>) => {
    for (const selection of selectionSet.selections) {
      // Every selection costs, fragment spreads too: expanding them is work even when they hold no field.
      cost.complexity += multiplier
      if (over()) return
      if (selection.kind === Kind.FIELD) {
        if (root) cost.rootFields += 1
        cost.depth = Math.max(cost.depth, depth)
        const field = fieldOf(parentType, selection.name.value)
        let inner = multiplier
        if (field?.args.some((arg) => arg.name === 'limit')) {
          inner = multiplier * documentsAsked(selection, vars)
          cost.documents += inner
        }
        if (selection.selectionSet) walk(selection.selectionSet, field && getNamedType(field.type), depth + 1, inner, vars, false, spread)
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema?.getType(selection.typeCondition.name.value) : parentType
        walk(selection.selectionSet, type, depth, multiplier, vars, root, spread)
      } else {
        const name = selection.name.value
        const fragment = fragments.get(name)
        // A fragment spreading itself is refused by GraphQL's own rules; here it just ends the walk.
        if (!fragment || spread.has(name)) continue
        walk(fragment.selectionSet, schema?.getType(fragment.typeCondition.name.value), depth, multiplier, vars, root, new Set(spread).add(name))
      }
    }
  }

  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue
    walk(definition.selectionSet, schema?.getRootType(definition.operation), 1, 1, withDefaults(definition, variables), true, new Set())
    if (over()) break
  }
  return cost
}

const fieldOf = (type: GraphQLNamedType | undefined | null, name: string): GraphQLField<unknown, unknown> | undefined =>
  type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields()[name] : undefined

/** Variables the caller sent, and the operation's defaults for those it did not. */
function withDefaults(operation: OperationDefinitionNode, variables: Variables): Variables {
  const merged: Variables = { ...variables }
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value
    if (merged[name] === undefined && definition.defaultValue) merged[name] = valueFromASTUntyped(definition.defaultValue)
  }
  return merged
}

function documentsAsked(field: FieldNode, variables: Variables): number {
  const argument = (name: string) => {
    const node = field.arguments?.find((each) => each.name.value === name)
    return node ? valueFromASTUntyped(node.value, variables) : undefined
  }
  const limit = argument('limit')
  // Payload reads `limit: 0` as "no limit" and `pagination: false` without a limit as every document.
  if (typeof limit === 'number') return limit > 0 ? limit : Infinity
  return argument('pagination') === false ? Infinity : PAYLOAD_DEFAULT_LIMIT
}
