import type { PayloadRequest } from 'payload'

import type { AdminLanguage } from '../../utilities/localTime'

export type Doc = Record<string, any>

/** Whose timeline: a user (account) or a lead (prospect), as the caller may read it. */
export type TimelineSubject = { kind: 'user'; doc: Doc } | { kind: 'lead'; doc: Doc }

export interface TimelineEntry {
  /** ISO instant; entries are sorted by it. */
  at: string
  /** Which source wrote it (`enrollments`, `payments`, `emails`, `interactions`, …). */
  source: string
  title: string
  detail?: string
  /** The document to open from the entry, when the caller may read it. */
  link?: { collection: string; id: number | string }
  /** An email as rendered for the caller (signed links hidden for all but admins). */
  email?: { to: string; subject: string; html: string; status: string }
}

export interface TimelineContext {
  req: PayloadRequest
  subject: TimelineSubject
  language: AdminLanguage
}

/**
 * One kind of event in a person's life with Aula. Every read goes through the collection's own
 * access (`overrideAccess: false` with the caller), so a timeline never shows more than the lists
 * would; a source the caller may not read at all throws Payload's `Forbidden` and is reported as hidden.
 */
export interface TimelineSource {
  name: string
  label: { es: string; en: string }
  appliesTo: ReadonlyArray<TimelineSubject['kind']>
  load(context: TimelineContext): Promise<TimelineEntry[]>
}

/** Every source reads as the caller, never more than this many rows of each (newest first). */
export const ROWS_PER_SOURCE = 200

export const asCaller = (req: PayloadRequest) => ({ req, user: req.user, overrideAccess: false, depth: 0 }) as const
