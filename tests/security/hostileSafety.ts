import { afterAll, afterEach, beforeAll, expect } from '@jest/globals'

/** A 5xx in the HTTP status, or inside a GraphQL answer (`errors[].extensions.statusCode`), fails the suite with what was sent. */
export function expectSafe(response: { status: number; body: any }, label: string) {
  const graphqlStatuses = Array.isArray(response.body?.errors) ? response.body.errors.map((error: any) => error?.extensions?.statusCode ?? 0) : []
  if (response.status >= 500 || graphqlStatuses.some((status: number) => status >= 500)) {
    throw new Error(`${label} answered ${response.status}: ${JSON.stringify(response.body).slice(0, 500)}`)
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
}

/** Unhandled promise rejections a request leaves behind fail the test that left them. */
export function failOnUnhandledRejections() {
  const unhandled: unknown[] = []
  const record = (reason: unknown) => unhandled.push(reason)
  beforeAll(() => {
    process.on('unhandledRejection', record)
  })
  afterAll(() => {
    process.off('unhandledRejection', record)
  })
  afterEach(async () => {
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(unhandled.splice(0).map(String)).toEqual([])
  })
}
