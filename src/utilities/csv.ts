/** Cells that spreadsheets would run as formulas get a leading apostrophe (CSV injection). */
const neutralise = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)

const cell = (value: unknown) => {
  const text = neutralise(value === null || value === undefined ? '' : String(value))
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** One CSV line (with its CRLF) from cell values; cells are formula-safe and quoted as needed. */
export const csvLine = (values: unknown[]): string => `${values.map(cell).join(',')}\r\n`

/** RFC 4180 CSV with a header row; `columns` picks and orders the fields of each row. */
export function toCsv<Row extends Record<string, unknown>>(columns: readonly (keyof Row & string)[], rows: Row[]): string {
  const lines = [columns.map(cell).join(','), ...rows.map((row) => columns.map((column) => cell(row[column])).join(','))]
  return `${lines.join('\r\n')}\r\n`
}
