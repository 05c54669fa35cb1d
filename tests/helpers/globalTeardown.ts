import fs from 'node:fs'

export default async function globalTeardown() {
  // The browser specs' shared `npm run dev`, worker and mail catcher (tests/e2e/support/adminApp.ts).
  await (await import('../e2e/support/adminApp')).stopSharedAdminApp()
  const postgres = (globalThis as Record<string, unknown>).__AULA_TEST_POSTGRES__ as
    | { stop: () => Promise<void>; dir: string }
    | undefined
  if (!postgres) return
  await postgres.stop()
  fs.rmSync(postgres.dir, { recursive: true, force: true })
}
