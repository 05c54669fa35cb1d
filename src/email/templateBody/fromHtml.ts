import { VARIABLE } from '../variableSyntax'
import { type LexicalNode, type TemplateContent, VARIABLE_BLOCK } from './nodes'

/**
 * The HTML a template body was written in before the rich-text editor → the same body as Lexical
 * JSON, with each `{{variable}}` as a picked variable. Only the markup the editor can show is
 * understood (paragraphs, line breaks, bold, italic, underline, links, lists, headings); anything
 * else (a table, a style, an image) makes it answer `null`, and that template stays on its HTML
 * body, which keeps rendering as before, rather than silently losing part of it.
 */
const BOLD = 1
const ITALIC = 2
const UNDERLINE = 8
const INLINE_FORMATS: Record<string, number> = { strong: BOLD, b: BOLD, em: ITALIC, i: ITALIC, u: UNDERLINE }
const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4'])
const TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|(<)/g

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }
const decodeEntities = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') return String.fromCodePoint(entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : Number(entity.slice(1)))
    return ENTITIES[entity.toLowerCase()] ?? whole
  })

const attributesOf = (source: string): Record<string, string> =>
  Object.fromEntries([...source.matchAll(/([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map((m) => [m[1].toLowerCase(), decodeEntities(m[2] ?? m[3] ?? '')]))

/** Lexical block ids look like Payload's (24 hex characters). */
const blockId = () => crypto.randomUUID().replace(/-/g, '').slice(0, 24)

const element = (type: string, extra: Record<string, unknown> = {}): LexicalNode => ({
  type,
  version: 1,
  children: [],
  direction: 'ltr',
  format: '',
  indent: 0,
  ...extra,
})
const textNode = (text: string, format: number): LexicalNode => ({ type: 'text', version: 1, text, format, mode: 'normal', style: '', detail: 0 })
export const variableNode = (name: string): LexicalNode => ({ type: 'inlineBlock', version: 1, fields: { id: blockId(), blockType: VARIABLE_BLOCK, variable: name } })

/** Text → text nodes, with each `{{variable}}` a picked variable; under bold/italic it stays typed, so the formatting survives. */
function inlineText(text: string, format: number): LexicalNode[] {
  if (format) return [textNode(text, format)]
  const nodes: LexicalNode[] = []
  let last = 0
  for (const match of text.matchAll(VARIABLE)) {
    if (match.index > last) nodes.push(textNode(text.slice(last, match.index), 0))
    nodes.push(variableNode(match[1]))
    last = match.index + match[0].length
  }
  if (last < text.length) nodes.push(textNode(text.slice(last), 0))
  return nodes
}

export function htmlToContent(html: string): TemplateContent | null {
  const root: LexicalNode = element('root')
  let block: LexicalNode | null = null // the paragraph, heading or list item taking inline content
  let list: LexicalNode | null = null
  let link: LexicalNode | null = null
  const formats: number[] = []
  const open: string[] = []

  const inlineTarget = (): LexicalNode => {
    if (link) return link
    if (!block) {
      if (list) throw new Error('text directly inside a list')
      block = element('paragraph', { textFormat: 0, textStyle: '' })
      root.children!.push(block)
    }
    return block
  }
  /** Called as a block-level tag opens (already on `open`): loose text before it was a paragraph of its own. */
  const closeImplicitParagraph = () => {
    if (block && !open.slice(0, -1).some((tag) => BLOCKS.has(tag) || tag === 'li')) block = null
  }

  try {
    for (const match of html.matchAll(TOKEN)) {
      const [, closing, rawTag, attributeSource, selfClosing, text, strayBracket] = match
      if (strayBracket) return null
      if (text !== undefined) {
        const collapsed = decodeEntities(text).replace(/\s+/g, ' ')
        if (!collapsed.trim() && (!block || !block.children!.length)) continue
        const format = formats.reduce((all, bit) => all | bit, 0)
        inlineTarget().children!.push(...inlineText(collapsed, format))
        continue
      }
      const tag = rawTag.toLowerCase()
      const attributes = attributesOf(attributeSource)
      const allowed = tag === 'a' ? ['href', 'target', 'rel'] : []
      if (Object.keys(attributes).some((name) => !allowed.includes(name))) return null
      if (tag === 'br') {
        inlineTarget().children!.push({ type: 'linebreak', version: 1 })
        continue
      }
      if (selfClosing) return null
      if (closing) {
        if (open.pop() !== tag) return null
        if (tag in INLINE_FORMATS) formats.pop()
        else if (tag === 'a') link = null
        else if (BLOCKS.has(tag) || tag === 'li') block = null
        else if (tag === 'ul' || tag === 'ol') list = null
        continue
      }
      open.push(tag)
      if (tag in INLINE_FORMATS) formats.push(INLINE_FORMATS[tag])
      else if (tag === 'a') {
        if (link || !attributes.href) return null
        const target = inlineTarget()
        link = element('link', { version: 3, fields: { linkType: 'custom', url: attributes.href, newTab: attributes.target === '_blank' } })
        target.children!.push(link)
      } else if (BLOCKS.has(tag)) {
        closeImplicitParagraph()
        if (block || list) return null
        block = tag === 'p' ? element('paragraph', { textFormat: 0, textStyle: '' }) : element('heading', { tag })
        root.children!.push(block)
      } else if (tag === 'ul' || tag === 'ol') {
        closeImplicitParagraph()
        if (list || block) return null
        list = element('list', { listType: tag === 'ol' ? 'number' : 'bullet', tag, start: 1 })
        root.children!.push(list)
      } else if (tag === 'li') {
        if (!list || block) return null
        block = element('listitem', { value: list.children!.length + 1 })
        list.children!.push(block)
      } else return null
    }
  } catch {
    return null
  }
  if (open.length) return null
  trimEdges(root)
  return { root }
}

/** `<p>\n  Hola</p>`: the whitespace HTML ignores at the start and end of a block is not text. */
function trimEdges(node: LexicalNode) {
  for (const child of node.children ?? []) {
    if (child.type === 'text') continue
    const inline = child.children ?? []
    const first = inline[0]
    const last = inline[inline.length - 1]
    if (first?.type === 'text') first.text = first.text!.replace(/^\s+/, '')
    if (last?.type === 'text') last.text = last.text!.replace(/\s+$/, '')
    child.children = inline.filter((n) => n.type !== 'text' || n.text)
    if (child.type === 'list' || child.type === 'root') trimEdges(child)
  }
}
