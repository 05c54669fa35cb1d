/** A self-service export: requested (the job has not finished), ready (the zip is attached), or failed (after the job's retries). */
export const PRIVACY_EXPORT_STATUSES = ['pending', 'ready', 'failed'] as const
export type PrivacyExportStatus = (typeof PRIVACY_EXPORT_STATUSES)[number]

/** How long a ready zip may be downloaded before the daily job deletes it. */
export const PRIVACY_EXPORT_VALID_DAYS = 7

/** One request per person per this many minutes. */
export const PRIVACY_EXPORT_INTERVAL_MINUTES = 60
