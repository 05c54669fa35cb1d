import { variablesIn } from '../variableSyntax'
import { BUTTON_BLOCK, type LexicalNode, type TemplateContent, VARIABLE_BLOCK, walk } from './nodes'

/** Lexical stores a link address it does not recognise URI-encoded; `%7B%7BcancelUrl%7D%7D` is still `{{cancelUrl}}`. */
export const decodeVariablesInUrl = (url: string): string => url.replace(/%7B%7B\s*([A-Za-z][A-Za-z0-9_]*)\s*%7D%7D/gi, '{{$1}}')

function variablesOfNode(node: LexicalNode): string[] {
  const fields = node.fields ?? {}
  // A chip with nothing picked is not an unknown variable named "": unpickedVariablesIn says what it is.
  if (node.type === 'inlineBlock' && fields.blockType === VARIABLE_BLOCK) return typeof fields.variable === 'string' && fields.variable ? [fields.variable] : []
  if (node.type === 'block' && fields.blockType === BUTTON_BLOCK) return variablesIn(`${fields.label ?? ''} ${fields.url ?? ''}`)
  if ((node.type === 'link' || node.type === 'autolink') && typeof fields.url === 'string') return variablesIn(decodeVariablesInUrl(fields.url))
  if (node.type === 'text' && node.text) return variablesIn(node.text)
  return []
}

/** Every variable a rich-text body uses: picked from the list, typed as `{{…}}`, in a link or a button. */
export function variablesInContent(content: TemplateContent): string[] {
  const names = new Set<string>()
  for (const node of walk(content.root)) for (const name of variablesOfNode(node)) names.add(name)
  return [...names]
}

/**
 * Variable chips with no variable in them. The editor can store one when a pick is overwritten by
 * Payload's late answer for the new block (see VariableChip.tsx); the email would show nothing there.
 */
export function unpickedVariablesIn(content: TemplateContent): number {
  let count = 0
  for (const node of walk(content.root)) {
    const fields = node.fields ?? {}
    if (node.type === 'inlineBlock' && fields.blockType === VARIABLE_BLOCK && (typeof fields.variable !== 'string' || !fields.variable)) count += 1
  }
  return count
}

