import type { CollectionConfig } from 'payload'

type FileHandler = NonNullable<Extract<CollectionConfig['upload'], object>['handlers']>[number]

const notFound = () => Response.json({ errors: [{ message: 'Not Found' }] }, { status: 404 })

/**
 * `GET /api/certificate-files/file/<a name no row holds>` as an admin (whose read access is not a
 * `where`) reached the disk and answered 500. A name no row holds is a 404, before S3 is asked.
 * (The same guard as media's src/collections/Media/answerMissingFileWith404.ts, for a collection without image sizes.)
 */
export const answerUnknownFileWith404: FileHandler = async (req, { params: { filename } }) => {
  // eslint-disable-next-line no-control-regex
  if (!filename || filename.length > 255 || /[\u0000-\u001f\u007f]/.test(filename)) return notFound()
  const { totalDocs } = await req.payload.count({ collection: 'certificate-files', where: { filename: { equals: filename } }, overrideAccess: true, req })
  // Undefined lets the next handler (S3) or Payload's own serve the file.
  return (totalDocs > 0 ? undefined : notFound()) as Response
}
