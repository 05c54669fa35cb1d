import type { ReactNode } from 'react'
import type { Payload } from 'payload'

import { getBusinessSettings } from '../../settings/businessSettings'
import { BusinessTimeZoneContext } from './businessTimeZoneContext'

/**
 * `admin.components.providers`: reads the business settings once per page load on the server, so
 * date pickers and list cells in the browser use the business zone, not the laptop's. A changed
 * zone reaches an open admin on its next full page load.
 */
export async function BusinessTimeZoneProvider({ payload, children }: { payload: Payload; children?: ReactNode }) {
  const { timezone } = await getBusinessSettings(payload)
  return <BusinessTimeZoneContext timeZone={timezone}>{children}</BusinessTimeZoneContext>
}
