/**
 * A VTIMEZONE block (RFC 5545 §3.6.5) for an IANA zone, built from the runtime's own time zone data
 * (Intl), so it never drifts from the offsets we format times with. ical-generator writes no
 * VTIMEZONE on its own, and without one strict clients read `DTSTART;TZID=…` as floating or UTC.
 *
 * Each offset change between `from` and `until` becomes one STANDARD/DAYLIGHT observance with an
 * explicit DTSTART (no RRULE): longer than a rule, but exact for zones whose rules changed (Lima
 * has none; Madrid's are the EU's), and what Outlook and Google read.
 */
const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

/** Building an Intl formatter costs far more than using one: one per zone, kept for the process. */
const offsetFormatters = new Map<string, Intl.DateTimeFormat>()
const offsetFormatter = (timeZone: string) => {
  let formatter = offsetFormatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    offsetFormatters.set(timeZone, formatter)
  }
  return formatter
}

/** The zone's UTC offset in minutes at that instant (Lima → -300, Madrid in July → 120). */
export function offsetMinutes(timeZone: string, at: Date): number {
  const name = offsetFormatter(timeZone).formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT'
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name)
  if (!match) return 0
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0)
  return match[1] === '-' ? -minutes : minutes
}

const pad = (value: number, size = 2) => String(Math.abs(value)).padStart(size, '0')
const offsetText = (minutes: number) => `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`
/** The local wall time of an instant seen at a fixed offset, as iCalendar's `YYYYMMDDTHHMMSS`. */
const localStamp = (at: Date, offset: number) => {
  const local = new Date(at.getTime() + offset * MINUTE)
  return `${local.getUTCFullYear()}${pad(local.getUTCMonth() + 1)}${pad(local.getUTCDate())}T${pad(local.getUTCHours())}${pad(local.getUTCMinutes())}${pad(local.getUTCSeconds())}`
}

/** The first minute at which the offset differs from the one at `before` (binary search inside one day). */
function transitionBetween(timeZone: string, before: number, after: number): number {
  const offsetBefore = offsetMinutes(timeZone, new Date(before))
  let low = before
  let high = after
  while (high - low > MINUTE) {
    const middle = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE
    if (offsetMinutes(timeZone, new Date(middle)) === offsetBefore) low = middle
    else high = middle
  }
  return high
}

interface Observance {
  startsAt: Date
  from: number
  to: number
}

/** Every offset change in [from, until], plus the offset in force at `from`. */
export function observancesOf(timeZone: string, from: Date, until: Date): Observance[] {
  const first = offsetMinutes(timeZone, from)
  const observances: Observance[] = [{ startsAt: from, from: first, to: first }]
  let previous = first
  for (let day = from.getTime(); day < until.getTime(); day += DAY) {
    const next = offsetMinutes(timeZone, new Date(day + DAY))
    if (next === previous) continue
    observances.push({ startsAt: new Date(transitionBetween(timeZone, day, day + DAY)), from: previous, to: next })
    previous = next
  }
  return observances
}

/**
 * The VTIMEZONE text for `timeZone`, covering the year before `from` to the year after `until`, or
 * null for UTC (which needs none). A change to a larger offset is DAYLIGHT, any other STANDARD.
 */
export function buildVTimezone(timeZone: string, from: Date, until: Date): string | null {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return null
  // The block depends only on the zone and the years: every confirmation email of the year shares it
  // (scanning three years day by day is the cost a registration must not pay each time).
  const key = `${timeZone}:${from.getUTCFullYear()}:${until.getUTCFullYear()}`
  const known = builtBlocks.get(key)
  if (known !== undefined) return known
  const block = blockFor(timeZone, from, until)
  builtBlocks.set(key, block)
  return block
}

const builtBlocks = new Map<string, string>()

function blockFor(timeZone: string, from: Date, until: Date): string {
  const start = new Date(Date.UTC(from.getUTCFullYear() - 1, 0, 1))
  const end = new Date(Date.UTC(until.getUTCFullYear() + 1, 11, 31))
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`]
  const observances = observancesOf(timeZone, start, end)
  const standardOffset = Math.min(...observances.map((observance) => observance.to))
  for (const observance of observances) {
    const kind = observance.to > standardOffset ? 'DAYLIGHT' : 'STANDARD'
    lines.push(
      `BEGIN:${kind}`,
      // DTSTART is the wall time of the change in the offset that was in force until then.
      `DTSTART:${localStamp(observance.startsAt, observance.from)}`,
      `TZOFFSETFROM:${offsetText(observance.from)}`,
      `TZOFFSETTO:${offsetText(observance.to)}`,
      `END:${kind}`,
    )
  }
  lines.push('END:VTIMEZONE')
  return `${lines.join('\r\n')}\r\n`
}
