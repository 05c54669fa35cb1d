import { PayloadSDK } from '@payloadcms/sdk'

import type { Config } from '../payload-types'

/**
 * The site reads Aula like any other frontend: over HTTP, through the public REST API and the
 * official SDK, as an anonymous visitor (never Payload's Local API). SERVER_URL is where the API
 * answers (src/config/env.ts reads it the same way). `no-store`: every page is rendered per request,
 * and the API's own short catalogue cache (docs/api-catalog.md) is what keeps this cheap.
 */
export const serverUrl = () => (process.env.SERVER_URL || 'http://localhost:3000').replace(/\/$/, '')

export const siteApi = () => new PayloadSDK<Config>({ baseURL: `${serverUrl()}/api`, baseInit: { cache: 'no-store' } })
