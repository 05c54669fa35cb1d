import { APIError, type PayloadRequest, ValidationError } from 'payload'

import { say } from '../../i18n/say'

/** A report of a few hundred people is tens of kilobytes; 2 MB leaves room for long meetings with many rejoins. */
export const MAX_REPORT_BYTES = 2 * 1024 * 1024
/** Multipart boundaries and part headers around the file. */
const ENVELOPE_BYTES = 64 * 1024

const tooLarge = (req: PayloadRequest) =>
  new APIError(say(req, { es: 'El archivo pesa más de 2 MB: no es un informe de asistencia de una sesión.', en: 'The file is larger than 2 MB: it is not the attendance report of one session.' }), 413, undefined, true)

/**
 * The report's bytes, from a form upload (`file` field, what the roster screen sends) or a raw body
 * (`text/csv`, for scripts). Never reads more than the limit: a declared or streamed body beyond it
 * is a 413 before anything is parsed.
 */
export async function readReportUpload(req: PayloadRequest): Promise<Uint8Array> {
  const declared = Number(req.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > MAX_REPORT_BYTES + ENVELOPE_BYTES) throw tooLarge(req)
  const body = await readCapped(req, MAX_REPORT_BYTES + ENVELOPE_BYTES)
  const type = req.headers.get('content-type') ?? ''
  let bytes: Uint8Array = body
  if (type.toLowerCase().startsWith('multipart/form-data')) {
    const form = await new Response(body as BodyInit, { headers: { 'content-type': type } }).formData().catch(() => null)
    const file = form?.get('file')
    if (!file || typeof file === 'string') {
      throw new ValidationError({ errors: [{ path: 'file', message: say(req, { es: 'Adjunta el archivo CSV del informe en el campo "file".', en: 'Attach the report CSV in the "file" field.' }) }] })
    }
    bytes = new Uint8Array(await file.arrayBuffer())
  }
  if (bytes.length > MAX_REPORT_BYTES) throw tooLarge(req)
  if (!bytes.length) throw new ValidationError({ errors: [{ path: 'file', message: say(req, { es: 'El archivo está vacío.', en: 'The file is empty.' }) }] })
  return bytes
}

async function readCapped(req: PayloadRequest, limit: number): Promise<Uint8Array> {
  const stream = req.body as ReadableStream<Uint8Array> | null | undefined
  if (!stream || typeof stream.getReader !== 'function') {
    const buffer = typeof req.arrayBuffer === 'function' ? new Uint8Array(await req.arrayBuffer()) : new Uint8Array()
    if (buffer.length > limit) throw tooLarge(req)
    return buffer
  }
  const reader = stream.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.length
    if (size > limit) {
      await reader.cancel().catch(() => undefined)
      throw tooLarge(req)
    }
    chunks.push(value)
  }
  const joined = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    joined.set(chunk, offset)
    offset += chunk.length
  }
  return joined
}
