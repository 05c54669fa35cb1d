import type { CollectionBeforeOperationHook, Where } from 'payload'

import { foldText } from '../utilities/foldText'

const fold = (value: unknown): unknown => (typeof value === 'string' ? foldText(value) : value)

const foldWhere = (where: Where): Where =>
  Object.fromEntries(
    Object.entries(where).map(([key, condition]) => {
      if ((key === 'and' || key === 'or') && Array.isArray(condition)) return [key, condition.map((w) => foldWhere(w as Where))]
      if (key === 'searchText' && condition && typeof condition === 'object') {
        return [key, Object.fromEntries(Object.entries(condition).map(([operator, value]) => [operator, fold(value)]))]
      }
      return [key, condition]
    }),
  ) as Where

/** `searchText` is stored folded; fold the query value too so accented or upper-case input matches. */
export const foldSearchQuery: CollectionBeforeOperationHook = ({ args }) => {
  if (args && typeof args === 'object' && 'where' in args && args.where) {
    return { ...args, where: foldWhere(args.where as Where) }
  }
  return args
}
