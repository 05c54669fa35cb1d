import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

/**
 * The bytes of an uploaded file, wherever the deployment keeps them. Each upload collection's
 * `handlers` are what serve `/api/<slug>/file/<name>` (the S3 adapter's among them when S3_BUCKET is
 * set), so asking them first reads from the bucket; when none answers, the file is on local disk.
 */
export async function readUploadBytes(payload: Payload, slug: 'media' | 'certificate-files' | 'privacy-exports', filename: string, req?: PayloadRequest): Promise<Buffer | null> {
  const upload = payload.collections[slug].config.upload
  // Same transaction as the caller (a file stored moments ago in it is found), but none of its headers:
  // a `Range` on the caller's download request would read a slice.
  const handlerReq = { ...(req ?? (await createLocalReq({}, payload))), headers: new Headers(), searchParams: new URLSearchParams() } as PayloadRequest
  for (const handler of upload.handlers ?? []) {
    const response = await handler(handlerReq, { doc: undefined as never, headers: new Headers(), params: { collection: slug, filename } })
    if (response instanceof Response) return response.status === 200 ? Buffer.from(await response.arrayBuffer()) : null
  }
  if (!upload.staticDir || path.basename(filename) !== filename) return null
  return readFile(path.resolve(upload.staticDir, filename)).catch(() => null)
}
