import type { AfterErrorHook } from 'payload'

import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '../db/databaseAvailability'
import { ownStatus } from '../utilities/errorChain'

/**
 * While PostgreSQL is down or restarting, every request that needs it fails with a connection
 * error, which Payload answers 500. It is not the caller's fault nor a bug: 503 with Retry-After,
 * so clients and load balancers retry, and the app recovers by itself when the database is back.
 * GraphQL keeps its 200 with `errors` (GraphQL over HTTP), each with `extensions.statusCode` 503.
 */
export const answerDatabaseOutagesWith503: AfterErrorHook = ({ error, graphqlResult, req }) => {
  if (ownStatus(error) < 500 || !isDatabaseUnavailable(error)) return
  const headers = req.responseHeaders ?? new Headers()
  headers.set('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS))
  headers.set('Cache-Control', 'no-store')
  req.responseHeaders = headers
  if (graphqlResult) {
    return { graphqlResult: { ...graphqlResult, message: DATABASE_UNAVAILABLE_MESSAGE, extensions: { ...graphqlResult.extensions, statusCode: 503 } } }
  }
  return { status: 503, response: { errors: [{ message: DATABASE_UNAVAILABLE_MESSAGE }] } }
}
