'use client'

import { createContext, useContext, type ReactNode } from 'react'

import { DEFAULT_BUSINESS_SETTINGS } from '../../settings/businessSettings'

const BusinessTimeZone = createContext<string>(DEFAULT_BUSINESS_SETTINGS.timezone)

/** Hands the business zone (read on the server) to every admin component in the browser. */
export function BusinessTimeZoneContext({ timeZone, children }: { timeZone: string; children?: ReactNode }) {
  return <BusinessTimeZone.Provider value={timeZone}>{children}</BusinessTimeZone.Provider>
}

/** The zone staff type and read times in when an item has none of its own (never the browser's). */
export const useBusinessTimeZone = () => useContext(BusinessTimeZone)
