import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'

/**
 * The browser specs drive the app on the real clock (no clock to set in `npm run dev`), and the app
 * refuses what nobody could do that day: a new session that starts in the past. A spec that wrote
 * "2026-12-02" passed until 2 December 2026 and failed from then on (CI, 2026-12-02). Every date a
 * browser spec uses is taken from today (tests/e2e/support/days.ts); this keeps it that way.
 */
const E2E = path.resolve('tests/e2e')
// "2026-12-02" (and "2026-12"), "02/12/2026", and a date built from numbers: new Date(2026, …), Date.UTC(2026, …).
const CALENDAR_DATE = /\b20\d\d-\d\d\b|\b\d\d\/\d\d\/20\d\d\b|(new Date|Date\.UTC)\(\s*20\d\d\b/

const sources = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? sources(full) : /\.tsx?$/.test(entry.name) ? [full] : []
  })

const isComment = (line: string) => /^\s*(\/\/|\/\*|\*)/.test(line)

describe('browser specs and the real clock', () => {
  it('write no calendar date: every day is derived from today', () => {
    const files = sources(E2E)
    expect(files.length).toBeGreaterThan(10)
    const fixed = files.flatMap((file) =>
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) => (!isComment(line) && CALENDAR_DATE.test(line) ? [`${path.relative(process.cwd(), file)}:${index + 1}: ${line.trim()}`] : [])),
    )
    expect(fixed).toEqual([])
  })

  it('catches a fixed date written either way (the check itself can fail)', () => {
    expect(CALENDAR_DATE.test("date: '2026-12-02T00:00:00.000Z'")).toBe(true)
    expect(CALENDAR_DATE.test("fill('10/12/2026 19:00')")).toBe(true)
    expect(CALENDAR_DATE.test("startsAt: `2026-12`")).toBe(true)
    expect(CALENDAR_DATE.test('const at = new Date(2026, 11, 2)')).toBe(true)
    expect(CALENDAR_DATE.test('Date.UTC(2027, 0, 13)')).toBe(true)
    expect(CALENDAR_DATE.test("const PASSWORD = 'aula-admin-2026'")).toBe(false)
    expect(CALENDAR_DATE.test('`${typedDay(DEC(`02`))} 19:00`')).toBe(false)
  })
})
