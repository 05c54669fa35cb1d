import { describe, expect, it } from '@jest/globals'

import { isDatabaseUnavailable } from '../../src/db/databaseAvailability'

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })
const wrapped = (message: string, cause: unknown, name = 'Error') => Object.assign(new Error(message, { cause }), { name })

/** Which failures are answered "the database is unavailable, try again" (503) — and which are not. */
describe('telling a database outage from other failures', () => {
  it.each([
    ['a query whose connection was refused', wrapped('Failed query: select 1', refused(), 'DrizzleQueryError')],
    ['a transaction that could not begin', wrapped('cannot begin transaction: connect ECONNREFUSED 127.0.0.1:5432', refused())],
    ['the server shutting down', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['a connection cut mid-query', new Error('Connection terminated unexpectedly')],
    ['the server starting up', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['no free connection in time', new Error('timeout exceeded when trying to connect')],
    ['the same inside a GraphQL error', Object.assign(new Error('Something went wrong.'), { originalError: wrapped('Failed query: select 1', refused(), 'DrizzleQueryError') })],
  ])('%s is an outage', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true)
  })

  it.each([
    ['a mail server refusing connections', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:587'), { code: 'ESOCKET' })],
    ['Stripe unreachable', wrapped('An error occurred with our connection to Stripe.', refused(), 'StripeConnectionError')],
    ['a bad value in a query', wrapped('Failed query: select 1', Object.assign(new Error('invalid input syntax for type integer'), { code: '22P02' }), 'DrizzleQueryError')],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
  ])('%s is not', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false)
  })

  it('a refused socket is the database’s for a caller whose only peer is PostgreSQL (the rate limiter)', () => {
    expect(isDatabaseUnavailable(refused(), { socketErrorsMeanDatabase: true })).toBe(true)
    expect(isDatabaseUnavailable(refused())).toBe(false)
  })
})
