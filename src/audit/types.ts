/** What happened. `role_change` is written in addition to the user's `update` entry. */
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'login',
  'login_failed',
  'lockout',
  'password_reset_requested',
  'password_reset',
  'role_change',
  'erasure',
  'export',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/** Who did it: a logged-in person, Aula itself, Stripe (its webhook and the jobs that apply its events), a job, or an anonymous caller. */
export const ACTOR_KINDS = ['user', 'system', 'stripe', 'worker', 'anonymous'] as const
export type ActorKind = (typeof ACTOR_KINDS)[number]

/** One changed field; dotted paths for groups and arrays (`billing.taxId`, `modules.0.title`). */
export interface AuditChange {
  field: string
  from: unknown
  to: unknown
}

export interface AuditActor {
  kind: ActorKind
  userId?: number | null
  /** The job for a worker (`worker:processStripeEvent`); never an email nobody owns. */
  label?: string
}

export interface AuditEntryInput {
  action: AuditAction
  /** Collection or global slug. */
  collectionSlug: string
  /** Null for globals. */
  documentId?: string | number | null
  /** Whom the entry is about (export and erasure find entries by it). */
  personId?: number | null
  changes?: AuditChange[]
  /** Derived from `req` when absent (see actor.ts). */
  actor?: AuditActor
}
