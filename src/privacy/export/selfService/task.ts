import { randomBytes } from 'node:crypto'
import { createLocalReq, type TaskConfig } from 'payload'

import { inTransaction } from '../../../enrollment/transaction'
import { getClock } from '../../../utilities/clock'
import { buildPersonExport } from '../build'
import { exportFileName, zipPersonExport } from '../zip'
import { queueExportReadyEmail } from './email'
import { PRIVACY_EXPORT_VALID_DAYS } from './statuses'

export const BUILD_PRIVACY_EXPORT_TASK = 'buildPrivacyExport'

/**
 * Builds the zip a person asked for, attaches it to their `privacy-exports` row and queues the
 * `privacy_export_ready` email, in one transaction: a failure leaves the row pending for the retry,
 * and a retry after success finds it ready and does nothing (the email's dedupe key holds too).
 */
export const buildPrivacyExportTask: TaskConfig<{ input: { exportId: number }; output: { status: string } }> = {
  slug: BUILD_PRIVACY_EXPORT_TASK,
  label: 'Build a personal-data export and email its link',
  retries: { attempts: 3, backoff: { type: 'exponential', delay: 10_000 } },
  inputSchema: [{ name: 'exportId', type: 'number', required: true }],
  outputSchema: [{ name: 'status', type: 'text', required: true }],
  handler: async ({ input, req: jobReq }) => {
    // Payload commits transactions on the job's own request mid-handler: the work uses a request of its own.
    const req = await createLocalReq({}, jobReq.payload)
    const status = await inTransaction(req, async () => {
      const row = await req.payload.findByID({ collection: 'privacy-exports', id: input.exportId, depth: 0, overrideAccess: true, disableErrors: true, req })
      if (!row) return 'gone'
      if (row.status !== 'pending') return row.status
      const ownerId = typeof row.owner === 'object' ? row.owner.id : row.owner
      const built = await buildPersonExport(req, { userId: ownerId })
      if (!built) {
        await req.payload.update({ collection: 'privacy-exports', id: row.id, data: { status: 'failed' }, overrideAccess: true, req })
        return 'failed'
      }
      const now = getClock(req.payload).now()
      const data = Buffer.from(zipPersonExport(built))
      // The stored name is not guessable; the download is still called aula-datos-<id>.zip.
      const name = exportFileName(built.json).replace(/\.zip$/, `-${randomBytes(8).toString('hex')}.zip`)
      const expiresAt = new Date(now.getTime() + PRIVACY_EXPORT_VALID_DAYS * 24 * 60 * 60 * 1000)
      await req.payload.update({
        collection: 'privacy-exports',
        id: row.id,
        data: { status: 'ready', readyAt: now.toISOString(), expiresAt: expiresAt.toISOString() },
        file: { data, mimetype: 'application/zip', name, size: data.length },
        overrideAccess: true,
        req,
      })
      await queueExportReadyEmail(req, { exportId: row.id, user: built.json.profile ?? {}, expiresAt })
      return 'ready'
    })
    return { output: { status } }
  },
}
