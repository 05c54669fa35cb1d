import { createLocalReq, type PayloadRequest, type TaskConfig } from 'payload'

import { issueCertificate } from './issue'

export const ISSUE_CERTIFICATE_TASK = 'issueCertificate'

/**
 * The automatic certificate of an enrollment that just completed. Idempotent: a valid certificate
 * is returned as is, and an enrollment no longer completed (or one whose certificate staff revoked)
 * gets none.
 */
export const issueCertificateTask: TaskConfig<{ input: { enrollmentId: number }; output: { certificateId: number } }> = {
  slug: ISSUE_CERTIFICATE_TASK,
  label: 'Issue the certificate of a completed enrollment',
  retries: { attempts: 4, backoff: { type: 'exponential', delay: 10_000 } },
  inputSchema: [{ name: 'enrollmentId', type: 'number', required: true }],
  outputSchema: [{ name: 'certificateId', type: 'number' }],
  handler: async ({ input, req: jobReq }) => {
    // Payload commits transactions on the job's own request mid-handler: the issue uses a request of its own.
    const req = await createLocalReq({}, jobReq.payload)
    const certificate = await issueCertificate(req.payload, { enrollmentId: input.enrollmentId, automatic: true }, req)
    return { output: { certificateId: certificate?.id ?? 0 } }
  },
}

/** Called where completion is computed: each enrollment that just reached completion gets its issue job (in the same transaction). */
export async function queueCertificatesFor(req: PayloadRequest, enrollmentIds: number[]): Promise<void> {
  for (const enrollmentId of enrollmentIds) {
    await req.payload.jobs.queue({ task: 'issueCertificate', input: { enrollmentId }, req })
  }
}
