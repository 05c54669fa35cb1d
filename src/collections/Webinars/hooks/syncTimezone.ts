import type { CollectionBeforeValidateHook } from 'payload'

import { isTimeZone } from '../../../utilities/isoCodes'

/**
 * The API speaks of `timezone`; Payload's date picker keeps the zone in `startsAt_tz`. Copy a valid
 * `timezone` across before validation (an invalid one is reported by the `timezone` field itself).
 */
export const syncTimezone: CollectionBeforeValidateHook = ({ data }) => {
  if (data && isTimeZone(data.timezone)) data.startsAt_tz = data.timezone
  return data
}
