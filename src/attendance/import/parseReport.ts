import { parse } from 'csv-parse/sync'

import { findColumns, isParticipantsHeader, type ColumnIndexes } from './columns'
import { parseDuration } from './durations'

/** More rows than any class has participants (rejoins included): anything longer is not a report of one session. */
export const MAX_REPORT_ROWS = 5000

export type ReportFormat = 'zoom' | 'meet' | 'teams' | 'csv'

/** One person in the report: their rows summed (a rejoin is another row). Name and email as the file wrote them. */
export interface ReportPerson {
  name: string
  email: string
  seconds: number
  rows: number
}

export interface ParsedReport {
  format: ReportFormat
  /** One entry per email (case-insensitive); rows without an email each stand alone. */
  people: ReportPerson[]
}

export type ReportProblem = { problem: 'columns' } | { problem: 'rows'; rows: number } | { problem: 'duration'; line: number; value: string } | { problem: 'empty' }

const DELIMITERS = [',', '\t', ';']

/**
 * Reads the participants section of a Zoom, Meet or Teams report. The header is found wherever it
 * is (Zoom may put a meeting summary first, Teams writes "1. Summary" then "2. Participants"), the
 * section ends at the first blank line (Teams' "3. In-Meeting Activities" would count people twice).
 */
export function parseReport(text: string): ParsedReport | ReportProblem {
  for (const delimiter of DELIMITERS) {
    let records: string[][]
    try {
      records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, trim: true, bom: true }) as string[][]
    } catch {
      continue
    }
    const headerAt = records.findIndex((record) => isParticipantsHeader(findColumns(record)))
    if (headerAt < 0) continue
    return readSection(records, headerAt)
  }
  return { problem: 'columns' }
}

function readSection(records: string[][], headerAt: number): ParsedReport | ReportProblem {
  const header = records[headerAt]
  const columns = findColumns(header)
  const section: string[][] = []
  for (const record of records.slice(headerAt + 1)) {
    if (record.every((cell) => cell === '')) break
    section.push(record)
  }
  if (section.length > MAX_REPORT_ROWS) return { problem: 'rows', rows: section.length }
  if (!section.length) return { problem: 'empty' }
  const byEmail = new Map<string, ReportPerson>()
  const people: ReportPerson[] = []
  for (const [offset, record] of section.entries()) {
    const cell = (index: number | undefined) => (index === undefined ? '' : (record[index] ?? ''))
    const rawDuration = cell(columns.duration)
    const seconds = rawDuration === '' ? 0 : parseDuration(rawDuration)
    if (seconds === null) return { problem: 'duration', line: headerAt + offset + 2, value: rawDuration.slice(0, 40) }
    const email = cell(columns.email)
    const key = email.toLowerCase()
    const known = key ? byEmail.get(key) : undefined
    if (known) {
      known.seconds += seconds
      known.rows += 1
      continue
    }
    const person = { name: nameOf(columns, cell), email, seconds, rows: 1 }
    if (key) byEmail.set(key, person)
    people.push(person)
  }
  return { format: formatOf(header), people }
}

const nameOf = (columns: ColumnIndexes, cell: (index: number | undefined) => string) =>
  [cell(columns.name) || cell(columns.firstName), cell(columns.lastName)].filter(Boolean).join(' ')

function formatOf(header: string[]): ReportFormat {
  const text = header.join('|').toLowerCase()
  if (text.includes('name (original name)') || text.includes('duration (minutes)')) return 'zoom'
  if (text.includes('in-meeting duration') || text.includes('participant id (upn)')) return 'teams'
  if (text.includes('first name') || text.includes('time in call') || text.includes('time joined')) return 'meet'
  return 'csv'
}
