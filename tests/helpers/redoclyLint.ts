import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export interface LintProblem {
  ruleId: string
  severity: 'error' | 'warn'
  message: string
  location: { pointer: string }[]
}

/**
 * `redocly lint --extends=recommended` on a document, the way a frontend team would run it.
 * The CLI is spawned because @redocly/cli 2.77 ships as one bundled binary with no Node API, and
 * the @redocly/openapi-core published separately lags it (2.64): linting with it would check a
 * different rule set than the command the issue names. Telemetry and update checks are off so the
 * run stays offline.
 */
export async function redoclyLint(document: unknown): Promise<{ errors: LintProblem[]; warnings: LintProblem[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aula-openapi-lint-'))
  const file = path.join(dir, 'openapi.json')
  fs.writeFileSync(file, JSON.stringify(document))
  try {
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        ['node_modules/@redocly/cli/bin/cli.js', 'lint', '--extends=recommended', '--format=json', '--max-problems=100000', file],
        { env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 },
        // Exit code 1 means "problems found"; the JSON report says which.
        (error, out) => (out ? resolve(out) : reject(error ?? new Error('redocly lint printed nothing'))),
      )
    })
    const problems: LintProblem[] = JSON.parse(stdout).problems
    return { errors: problems.filter((problem) => problem.severity === 'error'), warnings: problems.filter((problem) => problem.severity === 'warn') }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** `rule at pointer`, one line per problem, for assertions and logs that read. */
export const describeProblem = (problem: LintProblem) => `${problem.ruleId} at ${problem.location[0]?.pointer ?? '?'}: ${problem.message}`
