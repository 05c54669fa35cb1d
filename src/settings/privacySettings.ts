import type { Payload, PayloadRequest } from 'payload'

export interface PrivacySettingsValues {
  /** Audit entries older than this many years are deleted by the deleteExpiredAuditEntries job. */
  auditRetentionYears: number
  /** A person with no activity for this many years counts as inactive in the retention overview (src/privacy/retention). */
  inactivityYears: number
}

export const DEFAULT_PRIVACY_SETTINGS: PrivacySettingsValues = { auditRetentionYears: 2, inactivityYears: 3 }

const wholeYears = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : fallback)

/** The privacy-settings global, with the defaults for anything unset (a fresh database has no row yet). */
export async function getPrivacySettings(payload: Payload, req?: PayloadRequest): Promise<PrivacySettingsValues> {
  const stored = (await payload.findGlobal({ slug: 'privacy-settings', depth: 0, overrideAccess: true, req }).catch(() => null)) as Partial<PrivacySettingsValues> | null
  return {
    auditRetentionYears: wholeYears(stored?.auditRetentionYears, DEFAULT_PRIVACY_SETTINGS.auditRetentionYears),
    inactivityYears: wholeYears(stored?.inactivityYears, DEFAULT_PRIVACY_SETTINGS.inactivityYears),
  }
}
