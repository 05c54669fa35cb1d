import type { Payload } from 'payload'

import { isAdmin } from './isAdmin'

/**
 * Payload adds the `payload-jobs-stats` global (when a task has a schedule) after the config is
 * sanitized, with Payload's default access: any logged-in user could read it or rewrite when each
 * scheduled task last ran. No config option reaches it, so its access is set once Payload is up.
 */
export function lockSystemGlobals(payload: Payload): void {
  for (const global of payload.config.globals) {
    if (global.slug !== 'payload-jobs-stats') continue
    global.access = { ...global.access, read: isAdmin, update: isAdmin, readVersions: isAdmin }
  }
}
