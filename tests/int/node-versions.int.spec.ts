import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'

import { productionTree, type LockedPackage } from '../helpers/productionTree'

/**
 * Aula claims the Node versions in package.json `engines` (README, "Node versions"): the 20.x a
 * fresh machine here has, and the LTS lines 22 and 24. A dependency whose own `engines` leaves out
 * any of them (ical-generator 11 wanted 22+) fails here, before it fails someone's install.
 */
type Semver = { subset(sub: string, dom: string): boolean; satisfies(version: string, range: string): boolean; validRange(range: string): string | null }

/** `semver` 7 (for `subset`) as Next ships it; the hoisted copy is an older major some tools pin. */
function loadSemver(): Semver {
  for (const from of ['package.json', 'node_modules/next/package.json']) {
    const candidate = createRequire(path.resolve(from))('semver') as Partial<Semver>
    if (typeof candidate.subset === 'function') return candidate as Semver
  }
  throw new Error('No semver with subset() is installed')
}

const semver = loadSemver()
const claimed: string = JSON.parse(fs.readFileSync('package.json', 'utf8')).engines.node

/** Platforms Aula is run on: Linux in the image, Linux or macOS on developers' machines, 64-bit. */
const runsOn = (locked: LockedPackage) =>
  (!locked.os || locked.os.some((os) => ['linux', 'darwin'].includes(os))) && (!locked.cpu || locked.cpu.some((cpu) => ['x64', 'arm64'].includes(cpu)))

describe('Node versions', () => {
  it('claims the 20.x line and the LTS lines 22 and 24, and this machine’s Node is one of them', () => {
    expect(semver.validRange(claimed)).not.toBeNull()
    for (const version of ['20.20.0', '22.0.0', '22.22.0', '24.0.0', '24.11.0']) expect({ version, claimed: semver.satisfies(version, claimed) }).toEqual({ version, claimed: true })
    expect(semver.satisfies(process.versions.node, claimed)).toBe(true)
  })

  it('no production dependency’s engines leave out a Node version Aula claims', () => {
    const tree = productionTree().filter(runsOn)
    expect(tree.length).toBeGreaterThan(300)
    const excluding = tree
      .map((locked) => ({ locked, node: locked.engines && !Array.isArray(locked.engines) ? locked.engines.node : undefined }))
      .filter(({ node }) => node && !semver.subset(claimed, node))
      .map(({ locked, node }) => `${locked.location}@${locked.version} wants node ${node}`)
    expect(excluding).toEqual([])
  })
})
