/**
 * Time in a meeting as the three tools write it, in seconds:
 * Zoom "Duration (Minutes)" `65`; Meet "1 h 5 min", "1 hr 5 min", "45 min", "1:05:03";
 * Teams "1h 5m 3s", "52m 48s", "48s". A bare number is minutes. `null` when it is none of these.
 */
export function parseDuration(raw: string): number | null {
  const text = raw.trim().toLowerCase()
  if (!text) return null
  if (/^\d+([.,]\d+)?$/.test(text)) return Math.round(Number(text.replace(',', '.')) * 60)
  const clock = /^(\d{1,3}):(\d{2})(?::(\d{2}))?$/.exec(text)
  if (clock) {
    const [, first, second, third] = clock
    // h:mm:ss, or h:mm when there are two parts (Meet's "Duration" column in Sheets).
    return third === undefined ? Number(first) * 3600 + Number(second) * 60 : Number(first) * 3600 + Number(second) * 60 + Number(third)
  }
  const units: Record<string, number> = { h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600, hora: 3600, horas: 3600, m: 60, min: 60, mins: 60, minute: 60, minutes: 60, minuto: 60, minutos: 60, s: 1, sec: 1, secs: 1, second: 1, seconds: 1, seg: 1, segundo: 1, segundos: 1 }
  const parts = [...text.matchAll(/(\d+(?:[.,]\d+)?)\s*([a-z]+)\.?/g)]
  // Everything in the cell must be "<number> <unit>" pairs (and spaces or commas between them).
  if (!parts.length || text.replace(/(\d+(?:[.,]\d+)?)\s*([a-z]+)\.?/g, '').replace(/[\s,]/g, '') !== '') return null
  let seconds = 0
  for (const [, amount, unit] of parts) {
    const factor = units[unit]
    if (!factor) return null
    seconds += Number(amount.replace(',', '.')) * factor
  }
  return Math.round(seconds)
}
