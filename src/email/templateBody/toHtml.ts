import { convertLexicalToHTML, type HTMLConverters, type HTMLConvertersFunction } from '@payloadcms/richtext-lexical/html'
import { sanitizeUrl } from 'payload/shared'

import { escapeHtml } from '../../utilities/escapeHtml'
import { RAW_VARIABLES } from '../templateVariables'
import { BUTTON_BLOCK, type LexicalNode, type TemplateContent, VARIABLE_BLOCK } from './nodes'
import { decodeVariablesInUrl } from './variables'

/** Inline styles only: mail clients drop `<style>` and classes. Bulletproof enough for Gmail and Outlook.com. */
const BUTTON_STYLE =
  'display:inline-block;padding:12px 22px;background:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600'

const href = (url: unknown) => escapeHtml(sanitizeUrl(decodeVariablesInUrl(String(url ?? ''))))

/** A raw variable (Aula-built HTML such as `nextStep`) alone on its line is a block of its own, not text inside a `<p>`. */
const isLoneRawVariable = (node: LexicalNode) => {
  const only = node.children?.length === 1 ? node.children[0] : undefined
  return only?.type === 'inlineBlock' && only.fields?.blockType === VARIABLE_BLOCK && RAW_VARIABLES.includes(String(only.fields.variable))
}

/**
 * Lexical → the body's HTML with `{{variable}}` placeholders left in; renderTemplate fills them in
 * (escaped) exactly as it does for a body written as HTML, so both kinds of template send the same mail.
 */
const emailConverters: HTMLConvertersFunction = ({ defaultConverters }) => ({
  ...defaultConverters,
  paragraph: ({ node, nodesToHTML }) => {
    const inner = nodesToHTML({ nodes: node.children }).join('')
    if (isLoneRawVariable(node as unknown as LexicalNode)) return inner
    return `<p>${inner || '<br />'}</p>`
  },
  list: ({ node, nodesToHTML }) => {
    const tag = node.tag === 'ol' ? 'ol' : 'ul'
    return `<${tag}>${nodesToHTML({ nodes: node.children }).join('')}</${tag}>`
  },
  listitem: ({ node, nodesToHTML }) => `<li>${nodesToHTML({ nodes: node.children }).join('')}</li>`,
  link: ({ node, nodesToHTML }) =>
    `<a href="${href(node.fields.url)}"${node.fields.newTab ? ' target="_blank" rel="noopener noreferrer"' : ''}>${nodesToHTML({ nodes: node.children }).join('')}</a>`,
  autolink: ({ node, nodesToHTML }) => `<a href="${href(node.fields.url)}">${nodesToHTML({ nodes: node.children }).join('')}</a>`,
  blocks: {
    [BUTTON_BLOCK]: ({ node }) => {
      const { label, url } = node.fields as Record<string, unknown>
      return `<p><a href="${href(url)}" style="${BUTTON_STYLE}">${escapeHtml(String(label ?? ''))}</a></p>`
    },
  },
  inlineBlocks: {
    [VARIABLE_BLOCK]: ({ node }) => {
      const name = String((node.fields as Record<string, unknown>).variable ?? '')
      return /^[A-Za-z][A-Za-z0-9_]*$/.test(name) ? `{{${name}}}` : ''
    },
  },
  // A node this editor does not offer (pasted from elsewhere) is dropped rather than sent as a debug string.
  unknown: () => '',
}) as HTMLConverters

export const contentToHtml = (content: TemplateContent): string =>
  convertLexicalToHTML({ converters: emailConverters, data: content as never, disableContainer: true, disableIndent: true, disableTextAlign: true })
