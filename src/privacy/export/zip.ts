import { strToU8, zipSync, type Zippable } from 'fflate'

import type { ExportFile, PersonExport } from './types'

/** What the download is called: the account's id, else the lead's (`aula-datos-lead-12.zip`). */
export function exportFileName(json: PersonExport): string {
  if (json.subject.userId !== null) return `aula-datos-${json.subject.userId}.zip`
  if (json.subject.leadIds.length) return `aula-datos-lead-${json.subject.leadIds[0]}.zip`
  return 'aula-datos.zip'
}

/** `datos.json` (indented, for a person to read) plus `certificados/…pdf` and `recibos/…pdf`. PDFs are already compressed: stored as is. */
export function zipPersonExport({ json, files }: { json: PersonExport; files: ExportFile[] }): Uint8Array {
  const entries: Zippable = { 'datos.json': strToU8(JSON.stringify(json, null, 2)) }
  for (const file of files) entries[file.name] = [file.bytes, { level: 0 }]
  return zipSync(entries, { level: 6 })
}
