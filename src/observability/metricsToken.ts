import { createHash, timingSafeEqual } from 'node:crypto'

import { observabilitySettings } from './settings'

type HasConfigAndHeaders = { payload: { config: { custom?: Record<string, any> } }; headers: Headers }

const digest = (value: string) => createHash('sha256').update(value).digest()

/** `Authorization: Bearer <METRICS_TOKEN>`, compared in constant time. False when no token is configured. */
export function hasMetricsToken(req: HasConfigAndHeaders): boolean {
  const expected = observabilitySettings(req.payload.config)?.metricsToken
  const given = /^Bearer (\S+)$/i.exec(req.headers.get('authorization') ?? '')?.[1]
  return Boolean(expected && given && timingSafeEqual(digest(given), digest(expected)))
}
