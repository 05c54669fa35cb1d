'use client'

import { useConfig } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { DEFAULT_BUSINESS_SETTINGS } from '../../settings/businessSettings'
import { adminApiUrl } from '../adminApiUrl'

let cached: Promise<string> | undefined

/** The business settings' `defaultCurrency`, read once per page from Aula's own API (staff may read it). */
export function useDefaultCurrency(): string {
  const { config } = useConfig()
  const [currency, setCurrency] = useState(DEFAULT_BUSINESS_SETTINGS.defaultCurrency)
  useEffect(() => {
    cached ??= fetch(adminApiUrl(config, '/globals/business-settings?depth=0'), { credentials: 'include' })
      .then((response) => (response.ok ? response.json() : {}))
      .then((settings: { defaultCurrency?: string }) => settings.defaultCurrency || DEFAULT_BUSINESS_SETTINGS.defaultCurrency)
      .catch(() => DEFAULT_BUSINESS_SETTINGS.defaultCurrency)
    let live = true
    cached.then((value) => live && setCurrency(value))
    return () => {
      live = false
    }
  }, [config])
  return currency
}
