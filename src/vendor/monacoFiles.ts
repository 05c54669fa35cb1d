import fs from 'node:fs/promises'
import path from 'node:path'

/**
 * Monaco (the code and JSON editor of Payload's admin) from Aula's own node_modules, where
 * `@payloadcms/ui` installs it. Payload's loader takes it from cdn.jsdelivr.net otherwise: a blank
 * editor offline, and every admin page with a JSON field announced to a third party.
 */
export const MONACO_ROOT = path.join(process.cwd(), 'node_modules', 'monaco-editor', 'min', 'vs')

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
}

/** The file under MONACO_ROOT for a URL's path segments, or null: only .js and .css, never outside the folder. */
export function monacoFilePath(segments: string[]): string | null {
  if (segments.some((segment) => !segment || segment === '.' || segment === '..' || segment.includes('\\') || segment.includes('\0'))) return null
  const file = path.resolve(MONACO_ROOT, ...segments)
  if (!file.startsWith(MONACO_ROOT + path.sep) || !CONTENT_TYPES[path.extname(file)]) return null
  return file
}

export async function monacoFileResponse(segments: string[]): Promise<Response> {
  const file = monacoFilePath(segments)
  const body = file ? await fs.readFile(file).catch(() => null) : null
  if (!file || !body) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': CONTENT_TYPES[path.extname(file)],
      // The files change only with an `npm install`; a day keeps the admin fast without pinning an old copy for long.
      'cache-control': 'public, max-age=86400',
      'x-content-type-options': 'nosniff',
    },
  })
}
