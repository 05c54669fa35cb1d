/**
 * The shapes of the Lexical JSON a template body is stored as (`email-templates.content`), as far
 * as rendering and checking need them. The editor itself is configured in the collection
 * (src/collections/EmailTemplates/editor.ts); these slugs are the contract between the two.
 */
export const VARIABLE_BLOCK = 'variable'
export const BUTTON_BLOCK = 'button'

export interface LexicalNode {
  type: string
  children?: LexicalNode[]
  text?: string
  format?: number | string
  tag?: string
  listType?: string
  fields?: Record<string, unknown>
  [key: string]: unknown
}

export interface TemplateContent {
  root: LexicalNode
}

/** True when the rich-text body holds something a reader would see (an empty editor stores one empty paragraph). */
export function hasContent(content: unknown): content is TemplateContent {
  const root = (content as TemplateContent | null | undefined)?.root
  if (!root || !Array.isArray(root.children)) return false
  const visible = (node: LexicalNode): boolean =>
    node.type === 'inlineBlock' || node.type === 'block' || (node.type === 'text' && Boolean(node.text?.trim())) || (node.children ?? []).some(visible)
  return root.children.some(visible)
}

/** Every node, depth first: for checks that look at all of them (variables in text, links, buttons). */
export function* walk(node: LexicalNode): Generator<LexicalNode> {
  yield node
  for (const child of node.children ?? []) yield* walk(child)
}
