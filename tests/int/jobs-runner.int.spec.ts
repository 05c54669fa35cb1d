import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { poolDrizzle } from '../../src/email/database'
import { createAulaConfig } from '../../src/config/createAulaConfig'
import { readEnv } from '../../src/config/env'
import { autorunJobs } from '../../src/jobs/runner/autorunJobs'
import { claimDueJobs } from '../../src/jobs/runner/claimDueJobs'
import { runDueJobs } from '../../src/jobs/runner/runDueJobs'
import { startTestAula, type TestAula } from '../helpers/aula'

/** The atomic job claim behind `npm run worker` (docs/decisions/0006-parallel-workers.md). */
let aula: TestAula

beforeAll(async () => {
  aula = await startTestAula()
})

afterAll(async () => {
  await aula?.close()
})

const queueJob = async () => Number((await aula.payload.jobs.queue({ task: 'deleteFinishedJobs', input: {} })).id)
const job = (id: number) => aula.payload.findByID({ collection: 'payload-jobs', id, depth: 0, overrideAccess: true })
const setProcessingSince = (id: number, minutesAgo: number) =>
  poolDrizzle(aula.payload).execute(sql`UPDATE payload_jobs SET processing = true, updated_at = now() - make_interval(mins => ${minutesAgo}) WHERE id = ${id}`)

describe('claiming jobs', () => {
  it('ten claims at once share the due jobs: each job goes to exactly one of them', async () => {
    const ids = await Promise.all(Array.from({ length: 20 }, queueJob))
    const claims = await Promise.all(Array.from({ length: 10 }, () => claimDueJobs(aula.payload, { queue: 'default', limit: 5 })))
    const claimed = claims.flat()
    expect(claimed.filter((id) => ids.includes(id)).sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b))
    expect(new Set(claimed).size).toBe(claimed.length)
  })

  it('leaves alone a job another worker is running, and takes back one a dead worker left processing for ten minutes', async () => {
    const running = await queueJob()
    const abandoned = await queueJob()
    await setProcessingSince(running, 2)
    await setProcessingSince(abandoned, 11)
    await runDueJobs(aula.payload, { limit: 100 })
    expect(await job(running)).toMatchObject({ processing: true })
    expect((await job(running)).completedAt).toBeFalsy()
    expect(await job(abandoned)).toMatchObject({ processing: false, hasError: false })
    expect((await job(abandoned)).completedAt).toBeTruthy()
  })

  it('does not take a job before its waitUntil', async () => {
    const later = Number((await aula.payload.jobs.queue({ task: 'deleteFinishedJobs', input: {}, waitUntil: new Date(Date.now() + 60_000) })).id)
    expect(await claimDueJobs(aula.payload, { queue: 'default', limit: 100 })).not.toContain(later)
  })

  it('the development autorun (JOBS_AUTORUN) runs jobs with the same atomic claim, not Payload’s runner', async () => {
    const config = createAulaConfig({ env: { ...readEnv(), jobsAutorun: true }, push: false })
    expect(config.jobs?.autoRun).toBe(autorunJobs)
    expect(createAulaConfig({ env: { ...readEnv(), jobsAutorun: false }, push: false }).jobs?.autoRun).toBeUndefined()

    expect(autorunJobs(aula.payload)).toEqual([]) // Payload starts no cron of its own; ours joins payload.crons and stops with it
    const id = await queueJob()
    const deadline = Date.now() + 15_000
    while (!(await job(id)).completedAt && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250))
    expect((await job(id)).completedAt).toBeTruthy()
  })
})
