import type { Payload } from 'payload'

/**
 * Where the app asks "what time is it?". Production uses the system clock; tests inject a clock
 * they can set (through the config factory) instead of mocking `Date` for the whole process.
 */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

export const getClock = (payload: Pick<Payload, 'config'>): Clock =>
  (payload.config.custom?.clock as Clock | undefined) ?? systemClock
