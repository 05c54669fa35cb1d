import path from 'node:path'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { es } from '@payloadcms/translations/languages/es'
import type { CollectionConfig, Config } from 'payload'
import sharp from 'sharp'

import { isAdmin } from '../access'
import { registerReminderGuards } from '../enrollment/notify/reminderGuard'
import { enrollmentMutations } from '../graphql/enrollmentMutations'
import { addCatalogChangeLogTable, trackCatalogChanges } from '../catalogCache/changeLog'
import { keepPoolAlive } from '../db/keepPoolAlive'
import { answerClientErrorsWith400 } from '../hooks/answerClientErrorsWith400'
import { answerDatabaseOutagesWith503 } from '../hooks/answerDatabaseOutagesWith503'
import { withWhereGuard } from '../queryGuards/refuseMisusedWhere'
import { addRateLimitTable } from '../rateLimit/table'
import { collections } from '../collections'
import { stripeWebhookEndpoint } from '../endpoints/stripeWebhook'
import { globals } from '../globals'
import { apiDocsEndpoint, openApiEndpoint } from '../openapi/endpoints'
import { maxUploadBytes } from '../collections/Media/limits'
import { jobTasks } from '../jobs'
import { type Clock, systemClock } from '../utilities/clock'
import type { PaymentSettings } from '../payments/settings'
import type { AulaEnv } from './env'

export interface AulaConfigOptions {
  env: AulaEnv
  /** Injected time source; tests pass one they can set. */
  clock?: Clock
  /** Push the schema straight from the config (embedded dev/test databases only). Defaults to `env.usesEmbeddedDatabase`. */
  push?: boolean
  /** Nodemailer transport options used instead of `env.smtp` (tests point this at an in-process SMTP server). */
  smtpTransport?: Record<string, unknown>
  /** Database pool size; the default suits one app process. */
  poolMax?: number
}

const rootDir = process.cwd()

// Reminders are vetted at send time by the enrollment module (the worker builds this config too).
registerReminderGuards()

/** The one place where development, test and production differ. `payload.config.ts` calls it with the real environment. */
export function createAulaConfig({ env, clock = systemClock, push, smtpTransport, poolMax }: AulaConfigOptions): Config {
  return {
    serverURL: env.serverUrl,
    secret: env.payloadSecret,
    admin: {
      user: 'users',
      meta: { titleSuffix: ' · Aula' },
      importMap: { baseDir: rootDir, importMapFile: path.resolve(rootDir, 'src/app/(payload)/admin/importMap.js') },
      // The admin home: Aula's widgets above Payload's collection cards (src/components/Dashboard, docs/admin.md).
      components: { views: { dashboard: { Component: '/src/components/Dashboard/AulaDashboard#AulaDashboard' } } },
    },
    i18n: { supportedLanguages: { es, en }, fallbackLanguage: 'es' },
    collections: collections.map((collection) => withWhereGuard(withMediaDir(collection, env.mediaDir))),
    globals,
    editor: lexicalEditor(),
    // POST /api/stripe/webhooks (docs/payments.md); GET /api/openapi.json and GET /api/docs (docs/api.md).
    endpoints: [stripeWebhookEndpoint, openApiEndpoint, apiDocsEndpoint],
    db: postgresAdapter({
      pool: { connectionString: env.databaseUri, max: poolMax ?? 20 },
      push: push ?? env.usesEmbeddedDatabase,
      migrationDir: path.resolve(rootDir, 'src/migrations'),
      beforeSchemaInit: [addRateLimitTable, addCatalogChangeLogTable],
    }),
    email: nodemailerAdapter({
      defaultFromAddress: env.emailFrom.address,
      defaultFromName: env.emailFrom.name,
      skipVerify: true,
      // Without SMTP the message is rendered but not delivered: nothing ever leaves a developer's machine by accident.
      transportOptions: smtpTransport ?? (env.smtp ? smtpOptions(env.smtp) : { jsonTransport: true }),
    }),
    sharp,
    cors: env.corsOrigins,
    csrf: env.corsOrigins,
    upload: { limits: { fileSize: maxUploadBytes() + 1 } },
    // A value Postgres cannot read as its column's type (`/api/webinars/abc`) is the caller's mistake: 400, not 500.
    // …and a database that is down or restarting is a 503 with Retry-After (docs/security.md, "Faults").
    hooks: { afterError: [answerClientErrorsWith400, answerDatabaseOutagesWith503] },
    onInit: async (payload) => {
      keepPoolAlive(payload)
      // Anonymous catalog reads are cached exactly; the triggers tell every instance what changed (src/catalogCache).
      await trackCatalogChanges(payload)
    },
    graphQL: { disablePlaygroundInProduction: false, mutations: enrollmentMutations },
    jobs: {
      // Payload lets any logged-in user run, queue or cancel jobs over HTTP by default; only admins may.
      access: { run: adminOnlyJobs, queue: adminOnlyJobs, cancel: adminOnlyJobs },
      // Payload's jobs collection lets any logged-in user read it, and job inputs hold emails and ids.
      jobsCollectionOverrides: ({ defaultJobsCollection }) => ({ ...defaultJobsCollection, access: { ...defaultJobsCollection.access, read: isAdmin } }),
      tasks: jobTasks,
      // Payload 3.88 crashes a runner that updates a job another runner just deleted on completion,
      // leaving its transaction open (row locks, a pool client). Keeping finished jobs avoids that;
      // the deleteFinishedJobs task removes them after a day. See docs/decisions/0003.
      deleteJobOnComplete: false,
      // JOBS_AUTORUN: the web process runs due jobs itself (development); production leaves that to `npm run worker`.
      autoRun: env.jobsAutorun ? [{ cron: '*/5 * * * * *', limit: 50 }] : undefined,
    },
    // Types are generated on purpose (`npm run generate:types`) and a test fails when they drift.
    typescript: { outputFile: path.resolve(rootDir, 'src/payload-types.ts'), autoGenerate: false },
    telemetry: false,
    // paymentsConfigured: without Stripe keys paid items answer 503 instead of taking money we cannot collect.
    // payments: Stripe keys and the hold time (root `custom` stays on the server; see src/payments/settings.ts).
    custom: {
      clock,
      paymentsConfigured: Boolean(env.stripe),
      siteUrl: env.siteUrl,
      payments: { stripe: env.stripe, holdMinutes: env.paymentHoldMinutes, serverUrl: env.serverUrl } satisfies PaymentSettings,
    },
  }
}

const smtpOptions = (smtp: NonNullable<AulaEnv['smtp']>) => ({
  // The worker sends in batches; one reused connection per slot instead of a handshake per email.
  pool: true,
  host: smtp.host,
  port: smtp.port,
  secure: smtp.secure,
  auth: smtp.user ? { user: smtp.user, pass: smtp.pass } : undefined,
})

const adminOnlyJobs = ({ req }: { req: Parameters<typeof isAdmin>[0]['req'] }) => Boolean(isAdmin({ req }))

/** Upload collections keep their files where the environment says (tests use a temporary folder). */
const withMediaDir = (collection: CollectionConfig, staticDir: string): CollectionConfig =>
  typeof collection.upload === 'object' ? { ...collection, upload: { ...collection.upload, staticDir } } : collection
