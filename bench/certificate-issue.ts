/**
 * `npx tsx bench/certificate-issue.ts [count]`: what a certificate costs. Issues `count` (default 60)
 * certificates by hand — next number under the year's counter lock, snapshot, PDF drawn and stored,
 * credential signed, email queued, one transaction each — first one at a time, then 10 at a time, and
 * compares them with the baseline measured in the same run: registering the same people for the
 * webinar (the product's hot write). Also times the PDF alone. Starts its own embedded PostgreSQL.
 */
import { createLocalReq } from 'payload'

import { buildCertificatePdf } from '../src/certificates/pdf'
import { issueCertificate } from '../src/certificates/issue'
import type { CertificateFacts } from '../src/certificates/types'
import { register } from '../src/enrollment/register'
import { closePayload, openMigratedPayload, startBenchDatabase } from './lib/database'
import { webinarData } from './lib/seed'

const count = Number(process.argv[2] ?? 60)
const database = await startBenchDatabase()
const payload = await openMigratedPayload(database.uri)
const webinar = await payload.create({ collection: 'webinars', overrideAccess: true, depth: 0, data: webinarData(0, { capacity: count * 3 }) as never })

const timed = async (work: () => Promise<unknown>) => {
  const started = performance.now()
  await work()
  return performance.now() - started
}
const inBatches = async (ids: number[], size: number, work: (id: number) => Promise<unknown>) => {
  for (let index = 0; index < ids.length; index += size) await Promise.all(ids.slice(index, index + size).map(work))
}

const enrollmentIds: number[] = []
const registerPerson = async (index: number) => {
  const req = await createLocalReq({}, payload)
  const { enrollment } = await register(req, {
    collection: 'webinars',
    itemId: Number(webinar.id),
    person: { email: `persona${index}@bench.aula.local`, firstName: 'Persona', lastName: `Número ${index}` },
    source: 'admin',
  })
  enrollmentIds.push(Number(enrollment.id))
}
await registerPerson(-1) // warm-up: first statements prepare, first key load
await issueCertificate(payload, { enrollmentId: enrollmentIds.pop()!, note: 'warm-up' })

const registering = await timed(async () => {
  for (let index = 0; index < count * 2; index += 1) await registerPerson(index)
})
const sequentialIds = enrollmentIds.slice(0, count)
const concurrentIds = enrollmentIds.slice(count)
const sequential = await timed(async () => {
  for (const enrollmentId of sequentialIds) await issueCertificate(payload, { enrollmentId, note: 'bench' })
})
const concurrent = await timed(() => inBatches(concurrentIds, 10, (enrollmentId) => issueCertificate(payload, { enrollmentId, note: 'bench' })))

const facts: CertificateFacts = {
  number: 'AULA-2026-000123', verificationCode: 'x'.repeat(32), version: 1, status: 'valid', holderName: 'María José Núñez',
  item: { relationTo: 'webinars', id: Number(webinar.id), title: String(webinar.title) }, hours: 1, completedOn: '2026-11-30', issuedOn: '2026-11-30',
  signatoryName: 'Dirección académica', language: 'es',
}
let bytes = 0
const pdfOnly = await timed(async () => {
  for (let index = 0; index < count; index += 1) bytes = (await buildCertificatePdf(payload, facts)).byteLength
})

const numbers = (await payload.find({ collection: 'certificates', overrideAccess: true, pagination: false, depth: 0, select: { number: true } })).docs.map((doc) => String(doc.number))
const distinct = new Set(numbers).size
const perRegistration = registering / (count * 2)
console.log(`certificates issued: ${numbers.length} (distinct numbers: ${distinct})`)
console.log(`baseline, registration:     ${perRegistration.toFixed(1)} ms each`)
console.log(`issue one at a time:        ${(sequential / count).toFixed(1)} ms each (${(count / (sequential / 1000)).toFixed(1)}/s) — ${(sequential / count / perRegistration).toFixed(2)}× a registration`)
console.log(`issue 10 at a time:         ${(concurrent / count).toFixed(1)} ms each (${(count / (concurrent / 1000)).toFixed(1)}/s) — ${(sequential / concurrent).toFixed(2)}× the one-at-a-time rate`)
console.log(`PDF alone:                  ${(pdfOnly / count).toFixed(1)} ms each, ${(bytes / 1024).toFixed(1)} kB — ${((pdfOnly / sequential) * 100).toFixed(0)} % of an issue`)

await closePayload(payload)
await database.stop()
process.exit(0)
