import type { Endpoint } from 'payload'

import { eraseEndpoint } from './erasure/endpoint'
import { eraseInactiveEndpoint, inactivePeopleEndpoint } from './retention/endpoints'

/** POST /api/privacy/erase, GET /api/privacy/inactive, POST /api/privacy/erase-inactive (admins; docs/privacy.md). */
export const privacyErasureEndpoints: Endpoint[] = [eraseEndpoint, inactivePeopleEndpoint, eraseInactiveEndpoint]
