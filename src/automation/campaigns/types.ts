/**
 * A campaign as the segment, render and send code read it (the `campaigns` collection,
 * src/collections/Campaigns). Field names are the collection's; relationships may arrive as ids or
 * populated documents, so readers go through `segmentOf` (./segmentOf.ts).
 */
export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'sending', 'sent', 'cancelled'] as const
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number]

export const SEGMENT_KINDS = ['enrolled', 'leads', 'lapsed_students'] as const
export type SegmentKind = (typeof SEGMENT_KINDS)[number]

/** `attended`, `no_show` and `completed` are confirmed enrollments read through what was recorded about them. */
export const SEGMENT_ENROLLMENT_STATUSES = ['confirmed', 'attended', 'no_show', 'completed', 'waitlisted'] as const
export type SegmentEnrollmentStatus = (typeof SEGMENT_ENROLLMENT_STATUSES)[number]

// The CRM's own lists (src/crm/options.ts): a segment filters leads by what the leads collection stores.
export { LEAD_SOURCES, LEAD_STAGES } from '../../crm/options'

export interface ItemRef {
  relationTo: 'webinars' | 'courses'
  id: number
}

/** A segment with its relationships reduced to ids: what the SQL needs, nothing populated. */
export interface Segment {
  kind: SegmentKind
  /** enrolled: these items (empty with no categories = every item). leads: `interest` in these items. */
  items: ItemRef[]
  categories: number[]
  statuses: SegmentEnrollmentStatus[]
  /** enrolled: the item starts within [from, until] (either end open). */
  from: Date | null
  until: Date | null
  stages: string[]
  sources: string[]
  tags: string[]
  /** lapsed_students: had an enrollment, and none created on or after this instant. */
  lastEnrolledBefore: Date | null
}

/** One address of a segment, as the sender and the renderer use it. */
export interface SegmentRecipient {
  /** Lower-case; the keyset cursor and the campaign's dedupe key. */
  email: string
  firstName: string
  lastName: string
  language: 'es' | 'en'
  userId?: number
  leadId?: number
}

export interface SegmentCount {
  /** Distinct addresses the segment describes. */
  total: number
  /** Of those, with marketing consent granted and not withdrawn. */
  withConsent: number
  /** Of those, on the suppression list (with or without consent). */
  suppressed: number
  /** With consent and not suppressed: who the campaign reaches. */
  reachable: number
}

/** The campaign content the renderer reads. */
export interface CampaignContent {
  id: number
  subjectEs?: string | null
  bodyEs?: unknown
  subjectEn?: string | null
  bodyEn?: unknown
}
