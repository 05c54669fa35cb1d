import { APIError, type PayloadRequest, ValidationError } from 'payload'

import type { ItemCollection } from '../../enrollment/statuses'
import { say } from '../../i18n/say'
import { findCheckInPlace } from '../checkIn/target'
import { canMarkAttendance } from '../permissions'
import { attendanceTarget, recordMany } from '../record'
import { rosterOf } from '../roster'
import { EXPECTED_COLUMNS } from './columns'
import { decodeReport } from './decodeReport'
import { MAX_REPORT_ROWS, parseReport, type ReportFormat, type ReportPerson } from './parseReport'

/**
 * Present from a report: at least half the session in the meeting (rejoins added up). A person
 * already marked present another way (the roster, a check-in, the API) stays present: a report
 * adds their minutes, it does not overrule the instructor. docs/courses.md "Importar el informe".
 */
export const PRESENT_SHARE = 0.5

export interface ImportedPerson {
  enrollmentId: number
  /** Who Aula knows (the enrollment's person), not the file's spelling. */
  name: string
  email: string
  minutes: number
  present: boolean
}

export interface ImportResult {
  format: ReportFormat
  sessionMinutes: number
  /** Minutes that count as present for this session. */
  presentFromMinutes: number
  /** People whose attendance the import wrote (created or changed). */
  matched: ImportedPerson[]
  /** People in the file whose record already said exactly this (re-importing the same file lands here). */
  unchanged: ImportedPerson[]
  /** Rows that matched no confirmed enrollment of the item, name and email as the file had them (text, never interpreted). */
  unmatched: { name: string; email: string; minutes: number }[]
}

/** Checks who may import before reading the upload: 401, 404 (item, session), 403. */
export async function requireImporter(req: PayloadRequest, collection: ItemCollection, itemId: number, sessionId: string | null) {
  if (!req.user) throw new APIError(say(req, { es: 'Inicia sesión para importar asistencia.', en: 'Log in to import attendance.' }), 401, undefined, true)
  await attendanceTarget(req, collection, itemId, sessionId)
  if (!(await canMarkAttendance(req, collection, itemId, sessionId))) {
    throw new APIError(say(req, { es: 'Solo los administradores y los instructores de este curso o webinar importan asistencia.', en: 'Only admins and instructors of this course or webinar import attendance.' }), 403, undefined, true)
  }
}

/** Reads the report, matches it by email to the item's confirmed people and records minutes and presence, all or nothing. */
export async function importReport(req: PayloadRequest, collection: ItemCollection, itemId: number, sessionId: string | null, bytes: Uint8Array): Promise<ImportResult> {
  const people = readPeople(req, bytes)
  const place = await findCheckInPlace(req, collection, itemId, sessionId)
  const sessionMinutes = Math.max(1, Math.round((place.endsAt.getTime() - place.startsAt.getTime()) / 60_000))
  const presentFromMinutes = Math.ceil(sessionMinutes * PRESENT_SHARE)
  const roster = await rosterOf(req, collection, itemId, sessionId)
  const byEmail = new Map(roster.rows.map((row) => [row.email.trim().toLowerCase(), row]))
  const result: ImportResult = { format: people.format, sessionMinutes, presentFromMinutes, matched: [], unchanged: [], unmatched: [] }
  const marks: { enrollmentId: number; present: boolean; minutesAttended: number }[] = []
  for (const person of people.people) {
    // Two devices at once can add up to more than the session: never more than the session itself.
    const minutes = Math.min(sessionMinutes, Math.round(person.seconds / 60))
    const row = person.email ? byEmail.get(person.email.trim().toLowerCase()) : undefined
    if (!row) {
      result.unmatched.push({ name: person.name, email: person.email, minutes })
      continue
    }
    const present = minutes >= presentFromMinutes || (row.present === true && row.source !== 'import')
    const imported = { enrollmentId: row.enrollmentId, name: row.name, email: row.email, minutes, present }
    if (row.present === present && row.minutesAttended === minutes) result.unchanged.push(imported)
    else result.matched.push(imported)
    marks.push({ enrollmentId: row.enrollmentId, present, minutesAttended: minutes })
  }
  if (marks.length) await recordMany(req, { collection, itemId, sessionId, marks, source: 'import' }, { overrideAccess: true })
  return result
}

/** The file's people, or a 400 naming `file` and saying what was expected; nothing is written before this passes. */
function readPeople(req: PayloadRequest, bytes: Uint8Array): { format: ReportFormat; people: ReportPerson[] } {
  const fail = (message: { es: string; en: string }) => new ValidationError({ errors: [{ path: 'file', message: say(req, message) }] })
  const text = decodeReport(bytes)
  if (text === null) throw fail({ es: 'El archivo no es un CSV de texto (¿un Excel .xlsx o un PDF?). Exporta el informe como CSV.', en: 'The file is not a text CSV (an Excel .xlsx or a PDF?). Export the report as CSV.' })
  const parsed = parseReport(text)
  if ('people' in parsed) return parsed
  if (parsed.problem === 'rows') throw fail({ es: `El informe tiene ${parsed.rows} filas; el máximo es ${MAX_REPORT_ROWS}.`, en: `The report has ${parsed.rows} rows; at most ${MAX_REPORT_ROWS} are read.` })
  if (parsed.problem === 'empty') throw fail({ es: 'El informe no tiene participantes.', en: 'The report lists no participants.' })
  if (parsed.problem === 'duration') {
    throw fail({ es: `Línea ${parsed.line}: «${parsed.value}» no es una duración (se esperan minutos, "1 h 5 min" o "1h 5m 3s").`, en: `Line ${parsed.line}: “${parsed.value}” is not a duration (expected minutes, "1 h 5 min" or "1h 5m 3s").` })
  }
  const expected = (list: string[]) => list.map((column) => `"${column}"`).join(', ')
  throw fail({
    es: `No se encontraron las columnas de participantes. Se esperan las de Zoom (${expected(EXPECTED_COLUMNS.zoom)}), Google Meet (${expected(EXPECTED_COLUMNS.meet)}) o Teams (${expected(EXPECTED_COLUMNS.teams)}).`,
    en: `The participant columns were not found. Expected Zoom's (${expected(EXPECTED_COLUMNS.zoom)}), Google Meet's (${expected(EXPECTED_COLUMNS.meet)}) or Teams' (${expected(EXPECTED_COLUMNS.teams)}).`,
  })
}
