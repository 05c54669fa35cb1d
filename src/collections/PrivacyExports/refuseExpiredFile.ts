import type { CollectionConfig } from 'payload'

import { getClock } from '../../utilities/clock'

type FileHandler = NonNullable<Extract<CollectionConfig['upload'], object>['handlers']>[number]

/**
 * Payload's own file route (`/api/privacy-exports/file/<name>`) would serve an expired zip until the
 * daily job deletes it: past `expiresAt` it answers 410, as the download endpoint does. (Read access
 * is Payload's check, after this one.)
 */
export const refuseExpiredFile: FileHandler = async (req, { params: { filename } }) => {
  const { docs } = await req.payload.find({ collection: 'privacy-exports', where: { filename: { equals: filename } }, limit: 1, depth: 0, select: { expiresAt: true }, overrideAccess: true, req })
  const expiresAt = docs[0]?.expiresAt
  if (expiresAt && new Date(expiresAt) <= getClock(req.payload).now()) {
    return Response.json({ errors: [{ message: 'Gone' }] }, { status: 410 })
  }
  // Undefined lets the next handler (S3) or Payload's own serve the file.
  return undefined as unknown as Response
}
