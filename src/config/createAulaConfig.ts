import path from 'node:path'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { es } from '@payloadcms/translations/languages/es'
import type { CollectionConfig, Config } from 'payload'
import sharp from 'sharp'

import { isAdmin } from '../access'
import { lockSystemGlobals } from '../access/lockSystemGlobals'
import { registerRuleGuard } from '../email/guards'
import { ruleGuard } from '../automation/rules/guard'
import { registerFollowUpGuards } from '../followUps/guard'
import { registerCertificateEmailGuard } from '../certificates/email'
import { registerReceiptEmailGuards } from '../commerce/receipts/email'
import { enrollmentMutations } from '../graphql/enrollmentMutations'
import { bookingMutations } from '../graphql/bookingMutations'
import { forgotPasswordMutation } from '../graphql/forgotPasswordMutation'
import { notificationMutations } from '../notifications/graphql'
import { boundQueryCost } from '../graphql/boundQueryCost'
import { addCatalogChangeLogTable, trackCatalogChanges } from '../catalogCache/changeLog'
import { addEmailRulesVersionTable, trackEmailRuleChanges } from '../automation/rules/rulesVersion'
import { keepPoolAlive } from '../db/keepPoolAlive'
import { withPlainTextPart } from '../email/withPlainTextPart'
import { withBooleanCells, withGlobalBooleanCells } from '../fields/booleanCells'
import { withDayFirstDates, withDayFirstGlobalDates } from '../fields/dates/dayFirstDates'
import { DATE_TIME_FORMAT } from '../utilities/localTime'
import { answerClientErrorsWith400 } from '../hooks/answerClientErrorsWith400'
import { answerDatabaseOutagesWith503 } from '../hooks/answerDatabaseOutagesWith503'
import { hideAccountLockout } from '../hooks/hideAccountLockout'
import { sayValidationSummary } from '../i18n/sayValidationSummary'
import { withAdminLanguage } from '../i18n/withAdminLanguage'
import { withWhereGuard } from '../queryGuards/refuseMisusedWhere'
import { withCallerInputGuards, withGlobalInputGuards } from '../queryGuards/refuseMalformedCallerInput'
import { accessQuery } from '../graphql/accessQuery'
import { emailPlanQueries } from '../automation/rules/timelineGraphQL'
import { addRateLimitTable } from '../rateLimit/table'
import { addCertificateSigningKeyTable } from '../certificates/credential/keys/table'
import { prepareCertificateSigning } from '../certificates/credential/keys/keyRing'
import { mediaStorage } from '../storage/mediaStorage'
import { collections } from '../collections'
import { withLocalCodeEditor } from '../components/codeEditor/withLocalCodeEditor'
import { stripeWebhookEndpoint } from '../endpoints/stripeWebhook'
import { calendarEndpoint } from '../calendar/calendarEndpoint'
import { globals } from '../globals'
import { apiDocsEndpoint, openApiEndpoint } from '../openapi/endpoints'
import { unsubscribeEndpoints } from '../automation/consent/unsubscribeEndpoints'
import { privacyExportEndpoints } from '../privacy/export/endpoints'
import { privacyErasureEndpoints } from '../privacy/endpoints'
import { maxUploadBytes } from '../collections/Media/limits'
import { jobTasks } from '../jobs'
import { withAuditLogWhereListed, withGlobalAuditLog } from '../audit/withAuditLog'
import { withWebhookEvents } from '../webhooks/emitEvents'
import { recordFailedLogin } from '../audit/authEvents'
import { withWorkerActor } from '../audit/workerActor'
import { observability } from '../observability/plugin'
import { type ObservabilitySettings, readObservabilitySettings } from '../observability/settings'
import { autorunJobs } from '../jobs/runner/autorunJobs'
import { type Clock, systemClock } from '../utilities/clock'
import type { PaymentSettings } from '../payments/settings'
import type { WebhookReceiverSettings } from '../webhooks/receiverUrl'
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
  /** Overrides of what src/observability reads from the environment (tests capture log lines, set a metrics token). */
  observability?: Partial<ObservabilitySettings>
}

const rootDir = process.cwd()

// Emails planned by email rules (reminders, access links) are vetted at send time against the rule as it is now (the worker builds this config too).
registerRuleGuard(ruleGuard)
// Follow-ups too (src/followUps): a person no longer confirmed gets none.
registerFollowUpGuards()
registerCertificateEmailGuard()
registerReceiptEmailGuards()

/** The one place where development, test and production differ. `payload.config.ts` calls it with the real environment. */
export function createAulaConfig({ env, clock = systemClock, push, smtpTransport, poolMax, observability: observabilityOverrides }: AulaConfigOptions): Config {
  const observed = { ...readObservabilitySettings(process.env, env), ...observabilityOverrides }
  return {
    serverURL: env.serverUrl,
    secret: env.payloadSecret,
    admin: {
      user: 'users',
      meta: { titleSuffix: ' · Aula' },
      // Payload's own dates (a document's "last modified", version lists): day first, 24 h, not 'MMMM do yyyy, h:mm a'.
      // Payload formats these in the browser's zone, so they name it ("30/11/2026 01:45 (GMT-5)").
      dateFormat: `${DATE_TIME_FORMAT} (O)`,
      // Payload's default avatar is a Gravatar image: every admin page view would tell gravatar.com who is logged in.
      avatar: 'default',
      importMap: { baseDir: rootDir, importMapFile: path.resolve(rootDir, 'src/app/(payload)/admin/importMap.js') },
      // The admin home: Aula's widgets above Payload's collection cards (src/components/Dashboard, docs/admin.md).
      components: {
        views: {
          dashboard: { Component: '/src/components/Dashboard/AulaDashboard#AulaDashboard' },
          // Webinars and course sessions by month or week (src/components/calendar, docs/admin.md "Calendario").
          calendar: { Component: '/src/components/calendar/CalendarView#CalendarView', path: '/calendar' },
          // Admins: people with no activity for years, and their bulk erase (src/components/privacy, docs/privacy.md).
          privacy: { Component: '/src/components/privacy/RetentionView#RetentionView', path: '/privacy' },
        },
        beforeNavLinks: ['/src/components/calendar/CalendarNavLink#CalendarNavLink'],
        afterNavLinks: ['/src/components/privacy/RetentionNavLink#RetentionNavLink'],
        // The notification bell in the header: unread count and latest ten, live over SSE (src/components/notifications, docs/notifications.md).
        actions: ['/src/components/notifications/NotificationBell#NotificationBell'],
        // Date pickers and list cells read the business zone from here, never the browser's (src/components/dates).
        // …and the admin switches to the person's `language` as soon as they log in (src/components/language).
        providers: ['/src/components/dates/BusinessTimeZoneProvider#BusinessTimeZoneProvider', '/src/components/language/FollowUserLanguage#FollowUserLanguage'],
      },
    },
    i18n: { supportedLanguages: { es, en }, fallbackLanguage: 'es' },
    // Caller input Postgres cannot take (bad paging, inexact ids, over-long text, year 10000) is a 400 or 404 before any SQL (docs/security.md).
    // Checkboxes read ✓/— in every list (src/fields/booleanCells.ts).
    // Payload's own words made from the config (labels, "Add …" buttons, the copy suffix) follow the admin's language (src/i18n).
    // Dates read and typed day first, times in the item's or the business's zone (src/fields/dates, docs/decisions/0008).
    // JSON and code fields edit in Monaco served by Aula, not a CDN (src/components/codeEditor).
    // Audited collections and every settings global log each change in its own transaction (src/audit, docs/audit.md).
    // Catalogue, enrollment, payment, certificate and lead changes queue the webhook events they make (src/webhooks, docs/webhooks.md).
    collections: collections.map((collection) => withWhereGuard(withCallerInputGuards(withMediaDir(withLocalCodeEditor(withDayFirstDates(withBooleanCells(withAdminLanguage(withAuditLogWhereListed(withWebhookEvents(collection)))))), env.mediaDir)))),
    // Uploads on S3-compatible storage when S3_BUCKET is set (src/storage, docs/operations.md "Media storage").
    // …and /api/health, /api/metrics, request-aware JSON logs (src/observability, docs/operations.md).
    plugins: [mediaStorage(env.s3, collections), observability(observed)],
    globals: globals.map((global) => withGlobalInputGuards(withLocalCodeEditor(withDayFirstGlobalDates(withGlobalBooleanCells(withGlobalAuditLog(global)))))),
    editor: lexicalEditor(),
    // POST /api/stripe/webhooks (docs/payments.md); GET /api/openapi.json and GET /api/docs (docs/api.md).
    // …and GET /api/calendar, the admin calendar's data (src/calendar, docs/admin.md "Calendario").
    // …and GET|POST /api/unsubscribe, the signed one-click unsubscribe of campaign emails (src/automation/consent, docs/decisions/0025).
    // …and GET /api/privacy/export (admins) and POST /api/privacy/my-export (the person), personal-data exports (src/privacy/export, docs/privacy.md).
    // …and POST /api/privacy/erase, GET /api/privacy/inactive, POST /api/privacy/erase-inactive, erasure and retention (src/privacy, docs/privacy.md).
    endpoints: [stripeWebhookEndpoint, openApiEndpoint, apiDocsEndpoint, calendarEndpoint, ...unsubscribeEndpoints, ...privacyExportEndpoints, ...privacyErasureEndpoints],
    db: postgresAdapter({
      pool: { connectionString: env.databaseUri, max: poolMax ?? 20 },
      push: push ?? env.usesEmbeddedDatabase,
      migrationDir: path.resolve(rootDir, 'src/migrations'),
      // …and certificate_signing_keys, a development database's own credential key, out of every API's reach (docs/decisions/0017).
      // …and email_rules_version, which lets each process reuse the active email rules while none changed (src/automation/rules).
      beforeSchemaInit: [addRateLimitTable, addCatalogChangeLogTable, addCertificateSigningKeyTable, addEmailRulesVersionTable],
    }),
    // Every message also gets a text/plain part made from its HTML (src/email/withPlainTextPart.ts).
    email: withPlainTextPart(
      nodemailerAdapter({
        defaultFromAddress: env.emailFrom.address,
        defaultFromName: env.emailFrom.name,
        skipVerify: true,
        // Without SMTP the message is rendered but not delivered: nothing ever leaves a developer's machine by accident.
        transportOptions: smtpTransport ?? (env.smtp ? smtpOptions(env.smtp) : { jsonTransport: true }),
      }),
    ),
    sharp,
    // A registration form on another origin sends Idempotency-Key (src/enrollment/idempotency): the preflight must allow it.
    cors: { origins: env.corsOrigins, headers: ['Idempotency-Key'] },
    csrf: env.corsOrigins,
    upload: { limits: { fileSize: maxUploadBytes() + 1 } },
    // A value Postgres cannot read as its column's type (`/api/webinars/abc`) is the caller's mistake: 400, not 500.
    // …and a database that is down or restarting is a 503 with Retry-After (docs/security.md, "Faults").
    // …and a locked account answers like a wrong password, so lockouts do not tell real accounts apart.
    // …and a refused login is written to the audit log first (src/audit/authEvents.ts).
    // …and a validation summary thrown without Payload's `t` is said in the caller's admin language (src/i18n).
    hooks: { afterError: [recordFailedLogin, answerClientErrorsWith400, answerDatabaseOutagesWith503, hideAccountLockout, sayValidationSummary] },
    onInit: async (payload) => {
      keepPoolAlive(payload)
      lockSystemGlobals(payload)
      // Anonymous catalog reads are cached exactly; the triggers tell every instance what changed (src/catalogCache).
      await trackCatalogChanges(payload)
      // The same for the email rules every enrollment change plans from (src/automation/rules/rulesVersion.ts).
      await trackEmailRuleChanges(payload)
      // A malformed CERTIFICATE_SIGNING_KEY stops the start; a missing one in production is logged; a dev database's key is loaded (docs/decisions/0017).
      await prepareCertificateSigning(payload)
    },
    // The playground (Aula's own page, src/graphql/playground) and the introspection it lists the schema with are off
    // in production unless the operator asks for both (GRAPHQL_PLAYGROUND=on; the browser specs' production build does).
    // Aliases, depth, documents and complexity are bounded before any resolver runs (src/graphql/boundQueryCost.ts).
    graphQL: {
      disablePlaygroundInProduction: !env.graphqlPlaygroundInProduction,
      disableIntrospectionInProduction: !env.graphqlPlaygroundInProduction,
      mutations: (GraphQL, context) => ({ ...enrollmentMutations(GraphQL, context), ...bookingMutations(GraphQL, context), ...forgotPasswordMutation(GraphQL, context), ...notificationMutations(GraphQL, context) }),
      validationRules: boundQueryCost(),
      // Payload's `Access` answers null for anonymous callers where its schema promises a value: a 500.
      queries: (GraphQL, context) => ({ ...accessQuery(GraphQL, context), ...emailPlanQueries(GraphQL, context) }),
    },
    jobs: {
      // Payload lets any logged-in user run, queue or cancel jobs over HTTP by default; only admins may.
      access: { run: adminOnlyJobs, queue: adminOnlyJobs, cancel: adminOnlyJobs },
      // Payload's jobs collection lets any logged-in user read it, and job inputs hold emails and ids.
      jobsCollectionOverrides: ({ defaultJobsCollection }) => ({ ...defaultJobsCollection, access: { ...defaultJobsCollection.access, read: isAdmin } }),
      // Each task's changes are logged as `worker:<task>` (or Stripe's), src/audit/workerActor.ts.
      tasks: jobTasks.map(withWorkerActor),
      // Payload 3.88 crashes a runner that updates a job another runner just deleted on completion,
      // leaving its transaction open (row locks, a pool client). Keeping finished jobs avoids that;
      // the deleteFinishedJobs task removes them after a day. See docs/decisions/0003.
      deleteJobOnComplete: false,
      // JOBS_AUTORUN: the web process runs due jobs itself (development); production leaves that to `npm run worker`.
      // Both claim jobs atomically (src/jobs/runner, docs/decisions/0006), not with Payload's own runner.
      autoRun: env.jobsAutorun ? autorunJobs : undefined,
    },
    // Types are generated on purpose (`npm run generate:types`) and a test fails when they drift.
    typescript: { outputFile: path.resolve(rootDir, 'src/payload-types.ts'), autoGenerate: false },
    telemetry: false,
    // paymentsConfigured: without Stripe keys paid items answer 503 instead of taking money we cannot collect.
    // payments: Stripe keys and the hold time (root `custom` stays on the server; see src/payments/settings.ts).
    custom: {
      clock,
      paymentsConfigured: Boolean(env.stripe),
      // False only with AULA_AUDIT_LOG=off, the registration bench's comparison run (docs/audit.md).
      auditLog: env.auditLog !== false,
      siteUrl: env.siteUrl,
      // Production refuses webhook receivers on plain http or inside the network (src/webhooks/receiverUrl.ts).
      webhookReceivers: { publicReceiversOnly: env.isProduction } satisfies WebhookReceiverSettings,
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
