import { AsyncLocalStorage } from 'node:async_hooks'

interface RequestContext {
  requestId: string
}

/**
 * The request a piece of code runs for, without passing it down: Payload's logger reads it (see
 * logger.ts) so every line logged while serving a request carries that request's id, including
 * lines Payload itself writes for errors deep in its own code.
 */
const storage = new AsyncLocalStorage<RequestContext>()

export const runInRequestContext = <T>(context: RequestContext, work: () => Promise<T>): Promise<T> => storage.run(context, work)

export const currentRequestId = (): string | undefined => storage.getStore()?.requestId
