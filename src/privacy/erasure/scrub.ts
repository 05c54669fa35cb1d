import { sql, type SQL } from '@payloadcms/db-postgres/drizzle'

import type { ScrubTerm } from './terms'

type Runner = { execute: (query: SQL) => Promise<{ rows: Record<string, unknown>[] }> }

export interface TextColumn {
  name: string
  /** The json type to cast back to, for json columns. */
  json: 'json' | 'jsonb' | null
}

/** Every table's text, varchar and json columns, read from the database itself: a column added tomorrow is covered too. */
export type TextColumns = Map<string, TextColumn[]>

export async function readTextColumns(db: Runner): Promise<TextColumns> {
  const { rows } = await db.execute(sql`
    SELECT c.table_name, c.column_name, c.data_type
      FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
     WHERE c.table_schema = current_schema() AND c.data_type IN ('text', 'character varying', 'json', 'jsonb')
     ORDER BY c.table_name, c.ordinal_position`)
  const columns: TextColumns = new Map()
  for (const row of rows) {
    const table = String(row.table_name)
    const list = columns.get(table) ?? []
    list.push({ name: String(row.column_name), json: row.data_type === 'json' || row.data_type === 'jsonb' ? (row.data_type as 'json' | 'jsonb') : null })
    columns.set(table, list)
  }
  return columns
}

/** `column` with every term replaced (json columns through their text, which stays valid json: replacements hold no quotes). */
function scrubbed(column: TextColumn, terms: ScrubTerm[]): SQL {
  let expression: SQL = column.json ? sql`${sql.identifier(column.name)}::text` : sql`${sql.identifier(column.name)}`
  for (const term of terms) expression = sql`regexp_replace(${expression}, ${term.pattern}, ${term.replacement}, 'gi')`
  return column.json ? sql`(${expression})::${sql.raw(column.json)}` : expression
}

const mentions = (column: TextColumn, terms: ScrubTerm[]): SQL =>
  sql.join(
    terms.map((term) => sql`${sql.identifier(column.name)}${sql.raw(column.json ? '::text' : '')} ~* ${term.pattern}`),
    sql` OR `,
  )

/**
 * Replaces the terms in every text column of `table`'s rows matching `where` (all rows when
 * `where` is omitted). One statement per table; only rows that mention a term are written.
 */
export async function scrubTable(db: Runner, columns: TextColumns, table: string, terms: ScrubTerm[], where?: SQL): Promise<number> {
  const list = (columns.get(table) ?? []).filter((column) => column.name !== 'id')
  if (!list.length || !terms.length) return 0
  const assignments = sql.join(list.map((column) => sql`${sql.identifier(column.name)} = ${scrubbed(column, terms)}`), sql`, `)
  const anyMention = sql.join(list.map((column) => sql`(${mentions(column, terms)})`), sql` OR `)
  const result = await db.execute(sql`UPDATE ${sql.identifier(table)} SET ${assignments} WHERE (${anyMention})${where ? sql` AND (${where})` : sql``}`)
  return Number((result as { rowCount?: number }).rowCount ?? 0)
}

/**
 * The array, hasMany and relationship tables of `table` (Payload's `<table>_<field>` with a
 * `_parent_id` or `parent_id` column): their rows belong to the parent rows matching `where`.
 */
export function childTablesOf(columns: TextColumns, parentColumns: Map<string, string>, table: string): { table: string; parentColumn: string }[] {
  const children: { table: string; parentColumn: string }[] = []
  for (const [name, parentColumn] of parentColumns) if (name.startsWith(`${table}_`) && columns.has(name)) children.push({ table: name, parentColumn })
  return children
}

/** Tables with a parent column, for `childTablesOf`. */
export async function readParentColumns(db: Runner): Promise<Map<string, string>> {
  const { rows } = await db.execute(sql`
    SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND column_name IN ('_parent_id', 'parent_id')`)
  return new Map(rows.map((row) => [String(row.table_name), String(row.column_name)]))
}

/** Scrubs the rows of `table` matching `where` and the rows of its array/relationship tables that belong to them. */
export async function scrubRecords(db: Runner, columns: TextColumns, parents: Map<string, string>, table: string, terms: ScrubTerm[], where: SQL): Promise<number> {
  let written = await scrubTable(db, columns, table, terms, where)
  for (const child of childTablesOf(columns, parents, table)) {
    const belongs = sql`${sql.identifier(child.parentColumn)}::text IN (SELECT id::text FROM ${sql.identifier(table)} WHERE ${where})`
    written += await scrubTable(db, columns, child.table, terms, belongs)
  }
  return written
}
