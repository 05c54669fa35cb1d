import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { loopbackAliases } from './adminOrigins.mjs'

/** Everything Aula reads from the environment, validated once at start. `.env.example` documents each. */
export interface AulaEnv {
  isProduction: boolean
  databaseUri: string
  /** True when the database is the embedded one a developer or the test run started (schema is pushed). */
  usesEmbeddedDatabase: boolean
  payloadSecret: string
  serverUrl: string
  /** The public website (links to webinar and course pages in emails); defaults to serverUrl. */
  siteUrl: string
  corsOrigins: string[]
  emailFrom: { address: string; name: string }
  smtp: { host: string; port: number; secure: boolean; user?: string; pass?: string } | null
  /** Null without STRIPE_SECRET_KEY. Without the webhook secret the webhook refuses every event (503). */
  stripe: { secretKey: string; webhookSecret: string | null; apiUrl?: string } | null
  /** How long a pending payment holds its seat before the job queue gives it back. */
  paymentHoldMinutes: number
  seedAdmin: { email: string; password: string }
  jobsAutorun: boolean
  /** Folder for uploaded files (local disk; see the README for object storage when scaling out). */
  mediaDir: string
  /** S3-compatible object storage for every upload collection; null without S3_BUCKET (files stay in mediaDir). */
  s3: S3Settings | null
  /** False only with `AULA_AUDIT_LOG=off`, for the registration bench (docs/audit.md): never in a real deployment. */
  auditLog?: boolean
  /** `GRAPHQL_PLAYGROUND=on` serves the playground, and allows the introspection it needs, in production too (off there by default). */
  graphqlPlaygroundInProduction?: boolean
}

export interface S3Settings {
  bucket: string
  /** Unset = AWS itself; set for MinIO, Cloudflare R2, DigitalOcean Spaces, … */
  endpoint?: string
  region: string
  /** Unset = the AWS SDK's default credential chain (instance role, AWS_* variables). */
  credentials?: { accessKeyId: string; secretAccessKey: string }
  forcePathStyle: boolean
  /** Key prefix inside the bucket ("" = none), so several environments can share one bucket. */
  prefix: string
}

type Env = Record<string, string | undefined>

/** Git-ignored folder for the embedded PostgreSQL and the generated dev secret; `AULA_DATA_DIR` moves it (the browser test uses a temporary one). */
export const DATA_DIR = path.resolve(process.cwd(), process.env.AULA_DATA_DIR || '.data')
export const DEV_DATABASE_URI = 'postgres://postgres:postgres@127.0.0.1:54329/aula'

export class EnvError extends Error {}

/** The password `npm run dev` prints and the README lists for the seeded admin and demo staff (src/seed/users.ts). */
export const DEMO_PASSWORD = 'aula-admin-2026'
/** Tokens are HMACs under this secret, only as strong as it: 32 characters is at least 128 bits even as hex (`openssl rand -hex 32` gives 64). */
export const MIN_PRODUCTION_SECRET_LENGTH = 32

/** A guessable secret lets anyone mint login tokens; a published password opens the admin. Production refuses both. */
const refuseWeakSecrets = (env: Env) => {
  if ((env.PAYLOAD_SECRET ?? '').length < MIN_PRODUCTION_SECRET_LENGTH) {
    throw new EnvError(
      `PAYLOAD_SECRET must be at least ${MIN_PRODUCTION_SECRET_LENGTH} characters in production (generate one with \`openssl rand -hex 32\`).`,
    )
  }
  if (env.SEED_ADMIN_PASSWORD && env.SEED_ADMIN_PASSWORD.trim().toLowerCase() === DEMO_PASSWORD) {
    throw new EnvError('SEED_ADMIN_PASSWORD is the published demo password; production refuses it. Choose another or leave it unset.')
  }
}

const flag = (value: string | undefined, fallback: boolean) =>
  value === undefined || value === '' ? fallback : ['1', 'true', 'yes', 'on'].includes(value.toLowerCase())

/** Dev and tests need no secret set: one is generated once and kept under `.data/`. */
const developmentSecret = (): string => {
  const file = path.join(DATA_DIR, 'payload-secret')
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim()
  const secret = randomBytes(32).toString('hex')
  fs.mkdirSync(DATA_DIR, { recursive: true })
  fs.writeFileSync(file, secret, { mode: 0o600 })
  return secret
}

const positiveInteger = (name: string, value: string | undefined, fallback: number): number => {
  if (value === undefined || value.trim() === '') return fallback
  const parsed = Number(value)
  if (!Number.isSafeInteger(parsed) || parsed < 1) throw new EnvError(`${name} must be a whole number of at least 1 (got "${value}").`)
  return parsed
}

export function readEnv(env: Env = process.env): AulaEnv {
  const isProduction = env.NODE_ENV === 'production'
  const missing = isProduction ? ['PAYLOAD_SECRET', 'DATABASE_URI'].filter((name) => !env[name]) : []
  if (missing.length) {
    throw new EnvError(`Aula refuses to start in production without ${missing.join(' and ')}. Set it in the environment (see .env.example).`)
  }
  if (isProduction) refuseWeakSecrets(env)
  const serverUrl = (env.SERVER_URL || 'http://localhost:3000').replace(/\/$/, '')
  const smtpHost = env.SMTP_HOST
  const stripeKey = env.STRIPE_SECRET_KEY
  return {
    isProduction,
    databaseUri: env.DATABASE_URI || DEV_DATABASE_URI,
    usesEmbeddedDatabase: flag(env.AULA_EMBEDDED_DATABASE, false),
    payloadSecret: env.PAYLOAD_SECRET || developmentSecret(),
    serverUrl,
    siteUrl: (env.SITE_URL || serverUrl).replace(/\/$/, ''),
    // The admin may be opened at SERVER_URL under another loopback name (localhost vs 127.0.0.1): same machine, same origin rules.
    corsOrigins: [serverUrl, ...loopbackAliases(serverUrl), ...(env.CORS_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean)],
    emailFrom: { address: env.EMAIL_FROM || 'aula@localhost', name: env.EMAIL_FROM_NAME || 'Aula' },
    smtp: smtpHost
      ? {
          host: smtpHost,
          port: Number(env.SMTP_PORT || 587),
          secure: flag(env.SMTP_SECURE, false),
          user: env.SMTP_USER || undefined,
          pass: env.SMTP_PASS || undefined,
        }
      : null,
    stripe: stripeKey
      ? { secretKey: stripeKey, webhookSecret: env.STRIPE_WEBHOOKS_ENDPOINT_SECRET || null, apiUrl: env.STRIPE_API_URL || undefined }
      : null,
    paymentHoldMinutes: positiveInteger('PAYMENT_HOLD_MINUTES', env.PAYMENT_HOLD_MINUTES, 30),
    auditLog: env.AULA_AUDIT_LOG !== 'off',
    graphqlPlaygroundInProduction: flag(env.GRAPHQL_PLAYGROUND, false),
    seedAdmin: {
      email: env.SEED_ADMIN_EMAIL || 'admin@aula.local',
      // In production an unset password seeds an admin nobody knows the password of (they use forgot-password), never the demo one.
      password: env.SEED_ADMIN_PASSWORD || (isProduction ? randomBytes(24).toString('hex') : DEMO_PASSWORD),
    },
    jobsAutorun: flag(env.JOBS_AUTORUN, !isProduction),
    mediaDir: path.resolve(env.MEDIA_DIR || 'media'),
    s3: readS3(env),
  }
}

function readS3(env: Env): S3Settings | null {
  if (!env.S3_BUCKET) return null
  const accessKeyId = env.S3_ACCESS_KEY_ID
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new EnvError('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither to use the default AWS credentials.')
  }
  return {
    bucket: env.S3_BUCKET,
    endpoint: env.S3_ENDPOINT || undefined,
    region: env.S3_REGION || 'us-east-1',
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    forcePathStyle: flag(env.S3_FORCE_PATH_STYLE, false),
    prefix: (env.S3_PREFIX ?? '').replace(/^\/+|\/+$/g, ''),
  }
}
