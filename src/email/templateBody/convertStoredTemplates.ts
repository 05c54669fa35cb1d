import type { Payload, PayloadRequest } from 'payload'

import type { EmailTemplate } from '../../payload-types'
import { htmlToContent } from './fromHtml'
import { hasContent } from './nodes'

/** What a stored template's body becomes: rich text when its HTML fits the editor, else the HTML as it is. */
export function templateBodyFields(html: string): { content: EmailTemplate['content']; body: null } | { body: string } {
  const content = htmlToContent(html)
  // Our node shapes are Lexical's serialized JSON; the generated type only spells it less precisely.
  return content ? { content: content as unknown as EmailTemplate['content'], body: null } : { body: html }
}

export interface ConversionResult {
  /** Templates now written in the rich-text editor (their HTML body cleared). */
  converted: number[]
  /** Templates whose HTML uses markup the editor cannot show (a table, a style…): still sent from their HTML body. */
  keptAsHtml: number[]
}

/**
 * For the data migration that introduces `email-templates.content`: every template still written
 * as HTML is rewritten as rich text, so staff edit it in the editor. Templates already in rich text
 * are left alone, and so are those whose HTML the editor cannot show faithfully; those keep being
 * sent from their HTML body (renderTemplate reads it while `content` is empty). Safe to run twice.
 */
export async function convertStoredTemplatesToRichText(payload: Payload, req?: PayloadRequest): Promise<ConversionResult> {
  const { docs } = await payload.find({
    collection: 'email-templates',
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const result: ConversionResult = { converted: [], keptAsHtml: [] }
  for (const doc of docs) {
    if (hasContent(doc.content) || !doc.body?.trim()) continue
    const fields = templateBodyFields(doc.body)
    if (!('content' in fields)) {
      result.keptAsHtml.push(doc.id)
      continue
    }
    await payload.update({ collection: 'email-templates', id: doc.id, data: fields, depth: 0, overrideAccess: true, req })
    result.converted.push(doc.id)
  }
  return result
}
