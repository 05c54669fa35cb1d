import { foldText } from '../../utilities/foldText'

/**
 * Which column of a meeting report holds what. Each tool names them its own way (and in the
 * account's language), so a header is folded ("Duration (Minutes)" → "duration minutes") and
 * looked up here. Add a spelling here when a tool's export changes.
 */
const ALIASES = {
  email: ['user email', 'email', 'e mail', 'email address', 'correo', 'correo electronico', 'participant email', 'attendee email', 'participant id upn'],
  name: ['name original name', 'name', 'full name', 'participant name', 'participant', 'display name', 'nombre nombre original', 'nombre', 'nombre completo', 'participante'],
  firstName: ['first name', 'given name', 'nombre de pila'],
  lastName: ['last name', 'surname', 'family name', 'apellido', 'apellidos'],
  // A number of minutes (Zoom) first; a written duration (Meet, Teams) otherwise.
  duration: [
    'duration minutes',
    'total duration minutes',
    'duracion minutos',
    'in meeting duration',
    'duracion en la reunion',
    'time in call',
    'tiempo en la llamada',
    'attendance duration',
    'attended duration',
    'duration',
    'duracion',
  ],
} as const

export type ReportColumn = keyof typeof ALIASES

/** What the 400 says a report needs. */
export const EXPECTED_COLUMNS = {
  zoom: ['Name (Original Name)', 'User Email', 'Duration (Minutes)'],
  meet: ['First name', 'Last name', 'Email', 'Duration'],
  teams: ['Name', 'In-Meeting Duration', 'Email'],
}

export const foldHeader = (header: string) =>
  foldText(header)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()

export type ColumnIndexes = Partial<Record<ReportColumn, number>>

/** The columns a header row names, by the first alias of each that appears (earlier aliases win). */
export function findColumns(headerRow: string[]): ColumnIndexes {
  const folded = headerRow.map(foldHeader)
  const found: ColumnIndexes = {}
  for (const column of Object.keys(ALIASES) as ReportColumn[]) {
    for (const alias of ALIASES[column]) {
      const index = folded.indexOf(alias)
      // "Email" before "Participant ID (UPN)" in Teams, "Duration (Minutes)" before "Duration" in Zoom.
      if (index >= 0 && !Object.values(found).includes(index)) {
        found[column] = index
        break
      }
    }
  }
  return found
}

/** A participants header: who (a name), how to match them (an email) and for how long. */
export const isParticipantsHeader = (columns: ColumnIndexes) =>
  columns.email !== undefined && columns.duration !== undefined && (columns.name !== undefined || columns.firstName !== undefined || columns.lastName !== undefined)
