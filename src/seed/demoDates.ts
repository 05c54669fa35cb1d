const DAY = 24 * 60 * 60 * 1000

/** 19:00 in Lima (UTC−5, no daylight saving) `days` from now: 00:00 UTC the following day. */
export const limaEvening = (now: Date, days: number) => {
  const day = new Date(now.getTime() + days * DAY)
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + 1)).toISOString()
}

/** Midday UTC `days` from now: a whole-day date that reads the same day in the Americas and Europe. */
export const dayFromNow = (now: Date, days: number) => {
  const day = new Date(now.getTime() + days * DAY)
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 12)).toISOString()
}
