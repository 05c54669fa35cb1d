/**
 * Quiet hours: a daily window ("22:00"–"07:00") in the recipient's time zone during which a rule's
 * email is not sent; one falling inside moves to the window's end, the first allowed minute.
 * Works on wall-clock minutes of the zone, so a window crossing midnight and a day with a daylight
 * saving change both land on the right instant.
 */
export interface QuietHours {
  from: string
  until: string
}

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/

/** Minutes since midnight of "HH:MM" (24 h), or null when it is not one. */
export function parseClock(value: unknown): number | null {
  const match = typeof value === 'string' ? CLOCK.exec(value.trim()) : null
  return match ? Number(match[1]) * 60 + Number(match[2]) : null
}

const formatters = new Map<string, Intl.DateTimeFormat>()
const formatterFor = (timeZone: string) => {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

/** The wall-clock minute of the day at `at` in `timeZone`. */
export function localMinuteOfDay(at: Date, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(at)
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0)
  return value('hour') * 60 + value('minute')
}

const inWindow = (minute: number, from: number, until: number) => (from < until ? minute >= from && minute < until : minute >= from || minute < until)

const MINUTE = 60_000

export function moveOutOfQuietHours(at: Date, quiet: QuietHours | null, timeZone: string): Date {
  const from = parseClock(quiet?.from)
  const until = parseClock(quiet?.until)
  if (from === null || until === null || from === until) return at
  const minute = localMinuteOfDay(at, timeZone)
  if (!inWindow(minute, from, until)) return at
  // Jump by wall-clock minutes to the window's end, then correct for an offset change on the way
  // (daylight saving); an `until` that does not exist that day (skipped hour) ends at the first minute after it.
  const startOfMinute = Math.floor(at.getTime() / MINUTE) * MINUTE
  let candidate = startOfMinute + ((until - minute + 1440) % 1440) * MINUTE
  for (let step = 0; step < 3; step++) {
    const drift = (localMinuteOfDay(new Date(candidate), timeZone) - until + 1440) % 1440
    if (drift === 0) break
    candidate -= (drift > 720 ? drift - 1440 : drift) * MINUTE
  }
  for (let step = 0; step < 180 && inWindow(localMinuteOfDay(new Date(candidate), timeZone), from, until); step++) candidate += MINUTE
  return new Date(Math.max(candidate, at.getTime()))
}
