import { type Config, defaultLoggerOptions } from 'payload'

import { currentRequestId } from './requestContext'
import type { ObservabilitySettings } from './settings'

/** Keys whose values must never reach a log line, wherever a caller or a library puts them. */
const SECRET_KEYS = ['password', 'token', 'authorization', 'cookie', 'email', 'apiKey', 'secret']

/**
 * Payload's logger (pino) for Aula: every line written while a request is served carries its
 * `requestId` (the mixin reads it from the request context); production writes JSON lines with an
 * ISO time and the level as a word, development keeps Payload's readable pino-pretty output.
 */
export function aulaLogger(settings: ObservabilitySettings): NonNullable<Config['logger']> {
  const options = {
    level: settings.logLevel,
    mixin: () => {
      const requestId = currentRequestId()
      return requestId ? { requestId } : {}
    },
    redact: { paths: SECRET_KEYS.flatMap((key) => [key, `*.${key}`]), censor: '[redacted]' },
  }
  if (!settings.jsonLogs && !settings.logDestination) return { options, destination: defaultLoggerOptions }
  return {
    options: {
      ...options,
      timestamp: () => `,"time":"${new Date().toISOString()}"`,
      formatters: { level: (label: string) => ({ level: label }) },
    },
    destination: settings.logDestination,
  }
}
