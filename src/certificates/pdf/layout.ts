import type { PDFFont } from 'pdf-lib'

/** Lines of at most `width` points, broken at spaces (a single over-long word gets a line of its own). */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line)
      line = word
    } else line = candidate
  }
  if (line) lines.push(line)
  return lines
}

/** The largest size up to `max` (and not under `min`) at which `text` fits in `width` on one line. */
export function fitSize(text: string, font: PDFFont, max: number, min: number, width: number): number {
  const natural = font.widthOfTextAtSize(text, max)
  return natural <= width ? max : Math.max(min, (max * width) / natural)
}

/** `#rrggbb` as 0–1 channels; anything else falls back to Aula's navy. */
export function hexColor(hex: string): [number, number, number] {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
  if (!match) return [0x1f / 255, 0x3a / 255, 0x5f / 255]
  return [parseInt(match[1], 16) / 255, parseInt(match[2], 16) / 255, parseInt(match[3], 16) / 255]
}

/** `2026-11-30` as the holder reads it: "30 de noviembre de 2026" / "November 30, 2026". */
export function longDate(isoDate: string, language: 'es' | 'en'): string {
  const date = new Date(`${isoDate}T12:00:00Z`)
  if (Number.isNaN(date.getTime())) return isoDate
  return new Intl.DateTimeFormat(language === 'es' ? 'es-PE' : 'en-US', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date)
}

/** Hours as the holder reads them, at most one decimal: 8 → "8", 1.5 → "1.5" (Peru writes a decimal point). */
export const formatHours = (hours: number, language: 'es' | 'en') =>
  new Intl.NumberFormat(language === 'es' ? 'es-PE' : 'en-US', { maximumFractionDigits: 1 }).format(hours)

/** Control characters and invisible direction marks would print as boxes or reorder text. */
// eslint-disable-next-line no-control-regex
export const printable = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '').trim()

/**
 * The largest size from `max` down to `min` at which `text` wraps into at most `maxLines` lines of
 * `width`, and those lines. `shrinkFirst` (0–1) lets a heading shrink to that share of `max` to stay
 * on one line before it wraps (a name reads better whole than broken). Nothing is cut: at `min`
 * every line is kept, so a long title or name still prints whole (smaller) rather than losing its end.
 */
export function fitParagraph(text: string, font: PDFFont, max: number, min: number, width: number, maxLines: number, shrinkFirst = 1): { size: number; lines: string[] } {
  const fits = (size: number, allowed: number) => {
    const lines = wrapText(text, font, size, width)
    return lines.length <= allowed && lines.every((line) => font.widthOfTextAtSize(line, size) <= width) ? lines : null
  }
  for (let size = max; size >= Math.max(min, max * shrinkFirst); size -= 0.5) {
    const lines = fits(size, 1)
    if (lines) return { size, lines }
  }
  for (let size = max; size > min; size -= 0.5) {
    const lines = fits(size, maxLines)
    if (lines) return { size, lines }
  }
  return { size: min, lines: wrapText(text, font, min, width) }
}
