import type { Clock } from '../../src/utilities/clock'

/** A clock the test sets by hand; injected through the config factory. */
export class ManualClock implements Clock {
  private current: Date

  constructor(start: Date | string = new Date()) {
    this.current = new Date(start)
  }

  now(): Date {
    return new Date(this.current)
  }

  set(at: Date | string): void {
    this.current = new Date(at)
  }

  advance(milliseconds: number): void {
    this.current = new Date(this.current.getTime() + milliseconds)
  }
}
