import type { CollectionConfig, PayloadRequest, Where } from 'payload'

type FileHandler = NonNullable<Extract<CollectionConfig['upload'], object>['handlers']>[number]

const notFound = () => Response.json({ errors: [{ message: 'Not Found' }] }, { status: 404 })

/** True when a media document holds `filename` as its file or one of its image sizes. */
async function fileIsKnown(req: PayloadRequest, filename: string): Promise<boolean> {
  const sizes = req.payload.collections.media.config.upload.imageSizes ?? []
  const where: Where = { or: [{ filename: { equals: filename } }, ...sizes.map(({ name }) => ({ [`sizes.${name}.filename`]: { equals: filename } }))] }
  const { totalDocs } = await req.payload.count({ collection: 'media', where, overrideAccess: true, req })
  return totalDocs > 0
}

/**
 * `GET /api/media/file/<a name no document has>` went to the disk, found nothing and answered 500
 * (Payload's own "missing on the disk" path, meant for files that vanished behind a document). A
 * name no document holds is a 404; it runs before any storage handler, so S3 never sees it either.
 */
export const answerMissingFileWith404: FileHandler = (req, { params: { filename } }) => {
  // eslint-disable-next-line no-control-regex
  if (!filename || filename.length > 255 || /[\u0000-\u001f\u007f]/.test(filename)) return notFound()
  // Undefined lets the next handler (S3) or Payload's own serve the file.
  return fileIsKnown(req, filename).then((known) => (known ? undefined : notFound())) as Promise<Response>
}
