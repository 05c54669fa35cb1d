import type { AdminLanguage } from '../i18n/say'
import { certificateCell } from '../certificates/ofEnrollments'
import { csvLine } from '../utilities/csv'
import { formatWithZone } from '../utilities/localTime'
import type { Participant, ParticipantItem } from './listParticipants'

const SOURCE_LABELS: Record<string, { es: string; en: string }> = {
  roster: { es: 'Lista de clase', en: 'Roster' },
  api: { es: 'API', en: 'API' },
  import: { es: 'Reporte importado', en: 'Imported report' },
  check_in: { es: 'Código de asistencia', en: 'Check-in code' },
  admin: { es: 'Administración', en: 'Admin' },
}

const COLUMNS: { header: { es: string; en: string }; value: (row: Participant, language: AdminLanguage, zone: string) => unknown }[] = [
  { header: { es: 'Nombre', en: 'Name' }, value: (row) => row.name },
  { header: { es: 'Correo', en: 'Email' }, value: (row) => row.email },
  { header: { es: 'Empresa', en: 'Company' }, value: (row) => row.company },
  { header: { es: 'Estado', en: 'Status' }, value: (row) => row.status },
  {
    header: { es: 'Presente', en: 'Present' },
    value: (row, language) => (row.session?.present == null ? '' : row.session.present ? (language === 'es' ? 'Sí' : 'Yes') : 'No'),
  },
  { header: { es: 'Minutos', en: 'Minutes' }, value: (row) => row.session?.minutesAttended ?? '' },
  { header: { es: 'Origen', en: 'Source' }, value: (row, language) => (row.session?.source ? SOURCE_LABELS[row.session.source]?.[language] : '') },
  { header: { es: 'Registrado el', en: 'Recorded at' }, value: (row, language, zone) => (row.session?.recordedAt ? formatWithZone(row.session.recordedAt, zone, language) : '') },
  { header: { es: 'Sesiones asistidas', en: 'Sessions attended' }, value: (row) => `${row.sessionsAttended}/${row.sessionsTotal}` },
  { header: { es: 'Avance (%)', en: 'Completion (%)' }, value: (row) => row.completionPercentage ?? '' },
  { header: { es: 'Certificado', en: 'Certificate' }, value: (row, language) => certificateCell(row.certificate, language) },
]

/** One session's attendance as a sheet: a row per person shown, present / absent / not recorded (empty), minutes and who recorded it. */
export function sessionAttendanceCsv(item: ParticipantItem, participants: Participant[], language: AdminLanguage): string {
  return `\uFEFF${csvLine(COLUMNS.map((column) => column.header[language]))}${participants.map((row) => csvLine(COLUMNS.map((column) => column.value(row, language, item.timezone)))).join('')}`
}
