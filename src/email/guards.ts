import type { PayloadRequest } from 'payload'

import type { EmailLog } from '../payload-types'
import type { EmailVariables } from './renderTemplate'
import type { EmailTemplateKey } from './templateVariables'

export interface GuardVerdict {
  send: boolean
  /** Why it was vetoed; stored as the row's `lastError`. */
  reason?: string
  /** Fresh values merged over the queued ones (a new meeting link, a new start time). */
  variables?: EmailVariables
  /** Files made at send time and attached after the queued ones (a certificate's PDF: its bytes never sit in the log). */
  attachments?: { filename: string; content: string | Buffer; contentType: string }[]
}

export type EmailGuard = (args: { log: EmailLog; req: PayloadRequest }) => Promise<GuardVerdict> | GuardVerdict

const guards = new Map<EmailTemplateKey, EmailGuard>()

/**
 * Lets the module that owns an email veto it at send time, or refresh its variables: a reminder
 * queued days ago must not go out for a webinar that was cancelled since. One guard per key;
 * returns a function that removes it (tests use it).
 */
export function registerEmailGuard(templateKey: EmailTemplateKey, guard: EmailGuard): () => void {
  guards.set(templateKey, guard)
  return () => {
    if (guards.get(templateKey) === guard) guards.delete(templateKey)
  }
}

/** Checks rows planned by an email rule (src/automation/rules/guard.ts); null = not a rule's row, or the rule holds and the template's guard decides. */
export type RuleGuard = (args: { log: EmailLog; req: PayloadRequest }) => Promise<GuardVerdict | null>

let ruleGuard: RuleGuard | undefined

export function registerRuleGuard(guard: RuleGuard): void {
  ruleGuard = guard
}

/** The rule guard first (a row a rule planned answers to the rule as it is now), then the template's own guard. */
export const getEmailGuard = (templateKey: EmailTemplateKey): EmailGuard | undefined => {
  const own = guards.get(templateKey)
  const rules = ruleGuard
  if (!rules) return own
  return async (args) => (await rules(args)) ?? (own ? own(args) : { send: true })
}
