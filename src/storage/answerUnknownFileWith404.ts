import type { CollectionConfig, CollectionSlug } from 'payload'

type FileHandler = NonNullable<Extract<CollectionConfig['upload'], object>['handlers']>[number]

const notFound = () => Response.json({ errors: [{ message: 'Not Found' }] }, { status: 404 })

/**
 * `GET /api/<slug>/file/<a name no row holds>` as an admin (whose read access is not a `where`)
 * reached the disk and answered 500. A name no row holds is a 404, before S3 is asked. For upload
 * collections without image sizes (media has its own, src/collections/Media/answerMissingFileWith404.ts).
 */
export const answerUnknownFileWith404 =
  (slug: CollectionSlug): FileHandler =>
  async (req, { params: { filename } }) => {
    // eslint-disable-next-line no-control-regex
    if (!filename || filename.length > 255 || /[\u0000-\u001f\u007f]/.test(filename)) return notFound()
    const { totalDocs } = await req.payload.count({ collection: slug, where: { filename: { equals: filename } }, overrideAccess: true, req })
    // Undefined lets the next handler (S3) or Payload's own serve the file.
    return (totalDocs > 0 ? undefined : notFound()) as Response
  }
