import fs from 'node:fs'
import path from 'node:path'

export interface LockedPackage {
  name: string
  location: string
  version: string
  engines?: { node?: string } | string[]
  os?: string[]
  cpu?: string[]
}

interface LockEntry {
  version: string
  engines?: LockedPackage['engines']
  os?: string[]
  cpu?: string[]
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  peerDependenciesMeta?: Record<string, { optional?: boolean }>
}

/**
 * What `npm ci --omit=dev` installs: package.json's `dependencies` and everything they need, as
 * package-lock.json pins it, found the way Node does (nearest `node_modules` first). Computed from
 * package.json rather than the lock's `dev` flags, so an edit to package.json counts before the
 * next `npm install` rewrites the lock.
 */
export function productionTree(rootDir = process.cwd()): LockedPackage[] {
  const packageJson = JSON.parse(fs.readFileSync(path.join(rootDir, 'package.json'), 'utf8'))
  const lock = JSON.parse(fs.readFileSync(path.join(rootDir, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> }
  const locate = (name: string, from: string): string | undefined => {
    for (let dir = from; ; dir = dir.includes('/node_modules/') ? dir.slice(0, dir.lastIndexOf('/node_modules/')) : '') {
      const candidate = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`
      if (lock.packages[candidate]) return candidate
      if (!dir) return undefined
    }
  }
  const found = new Map<string, LockedPackage>()
  const visit = (name: string, from: string) => {
    const location = locate(name, from)
    if (!location || found.has(location)) return
    const entry = lock.packages[location]
    found.set(location, { name, location, version: entry.version, engines: entry.engines, os: entry.os, cpu: entry.cpu })
    const optionalPeers = Object.entries(entry.peerDependenciesMeta ?? {}).filter(([, meta]) => meta.optional).map(([peer]) => peer)
    const needs = [
      ...Object.keys(entry.dependencies ?? {}),
      ...Object.keys(entry.optionalDependencies ?? {}),
      ...Object.keys(entry.peerDependencies ?? {}).filter((peer) => !optionalPeers.includes(peer)),
    ]
    for (const dependency of needs) visit(dependency, location)
  }
  for (const name of Object.keys(packageJson.dependencies)) visit(name, '')
  return [...found.values()]
}
