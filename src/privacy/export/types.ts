import type { PayloadRequest } from 'payload'

export type Doc = Record<string, any>

/** Whose data: an account, or an address (a lead without an account). An address that belongs to an account is that account. */
export interface ExportSubject {
  userId?: number
  email?: string
}

/** The person as found: their account if they have one, their addresses, their leads. */
export interface ResolvedPerson {
  user: Doc | null
  /** Every address mail to them went to: the account's, a pending new one, the leads'. Lower case. */
  addresses: string[]
  leads: Doc[]
}

/** A file in the zip beside `datos.json`: a certificate or receipt PDF. */
export interface ExportFile {
  name: string
  bytes: Uint8Array
}

/**
 * `datos.json`: everything Aula holds about one person, by kind. Secrets (password hashes, reset and
 * verification tokens, sessions, signed links) are never part of it; the rest is as stored.
 */
export interface PersonExport {
  format: 'aula-personal-data-export'
  version: 1
  generatedAt: string
  subject: { userId: number | null; email: string; leadIds: number[] }
  profile: Doc | null
  enrollments: Doc[]
  bookings: Doc[]
  payments: Doc[]
  receipts: Doc[]
  certificates: Doc[]
  attendance: Doc[]
  feedback: Doc[]
  emails: Doc[]
  leads: Doc[]
  consents: { account: Doc | null; leads: Doc[]; suppressions: Doc[] }
  notifications: Doc[]
  auditEntries: Doc[]
  /** The PDFs in the zip, by path (`certificados/…`, `recibos/…`). */
  files: string[]
}

export interface ExportContext {
  req: PayloadRequest
  person: ResolvedPerson
}
