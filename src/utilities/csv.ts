/**
 * A phone number as people write it, and nothing else: an optional leading `+`, then digits with
 * spaces, dots, dashes or parentheses among them (an area code may open with one), 6 to 15 digits in all (E.164's longest).
 * Such a cell cannot call a function, open a link or reach another program (that needs letters,
 * quotes, `!`, `|`…), so it is written as is, without the apostrophe that would show in the cell.
 */
const STRICT_PHONE = /^\+?[0-9(][0-9 ().-]*[0-9]$/

export const isStrictPhone = (text: string): boolean => {
  const digits = text.replace(/\D/g, '').length
  return STRICT_PHONE.test(text) && digits >= 6 && digits <= 15 && !/[.-]{2}/.test(text)
}

/** A cell of a phone column: exempt from the apostrophe when it is strictly a phone number (see `cell`). */
export class PhoneCell {
  constructor(readonly text: string) {}
}

export const phoneCell = (value: unknown): PhoneCell | '' =>
  value === null || value === undefined || value === '' ? '' : new PhoneCell(String(value))

/**
 * Cells that spreadsheets would run as formulas (`=`, `+`, `-`, `@`, tab, CR first) get a leading
 * apostrophe (CSV injection, docs/security.md). The one exception is a phone column's value that is
 * strictly a phone number ("+51 987 654 321"): staff read it without a stray quote.
 */
const neutralise = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)

const cell = (value: unknown) => {
  const text =
    value instanceof PhoneCell
      ? isStrictPhone(value.text)
        ? value.text
        : neutralise(value.text)
      : neutralise(value === null || value === undefined ? '' : String(value))
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** One CSV line (with its CRLF) from cell values; cells are formula-safe and quoted as needed. */
export const csvLine = (values: unknown[]): string => `${values.map(cell).join(',')}\r\n`

/** RFC 4180 CSV with a header row; `columns` picks and orders the fields of each row. */
export function toCsv<Row extends Record<string, unknown>>(columns: readonly (keyof Row & string)[], rows: Row[]): string {
  const lines = [columns.map(cell).join(','), ...rows.map((row) => columns.map((column) => cell(row[column])).join(','))]
  return `${lines.join('\r\n')}\r\n`
}
