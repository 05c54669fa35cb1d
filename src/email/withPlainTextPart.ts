import { convert } from 'html-to-text'
import type { EmailAdapter, SendEmailOptions } from 'payload'

/** Readable text for mail clients that show no HTML (and spam filters that score HTML-only mail); links stay as `label [url]`. */
export const plainTextOf = (html: string): string =>
  convert(html, {
    wordwrap: 78,
    selectors: [
      // A logo or tracking pixel says nothing in text; its alt text alone would be noise.
      { selector: 'img', format: 'skip' },
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
    ],
  })

const withText = (message: SendEmailOptions): SendEmailOptions =>
  typeof message.html === 'string' && !message.text ? { ...message, text: plainTextOf(message.html) } : message

/**
 * Every message Aula sends, its own queue's and Payload's auth emails (verification, forgot-password)
 * alike, leaves with a text/plain part next to the HTML: Payload passes only `html`, so the adapter adds it.
 */
export const withPlainTextPart =
  (adapter: EmailAdapter | Promise<EmailAdapter>): Promise<EmailAdapter> =>
    Promise.resolve(adapter).then((build): EmailAdapter => (args) => {
      const initialized = build(args)
      return { ...initialized, sendEmail: (message) => initialized.sendEmail(withText(message)) }
    })
