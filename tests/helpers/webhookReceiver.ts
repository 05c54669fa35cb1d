import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ReceivedDelivery {
  path: string
  headers: http.IncomingHttpHeaders
  rawBody: string
  body: any
}

/** What the receiver does with the next request: answer with a status (and text), or never answer. */
export type Answer = { status: number; text?: string } | 'hang'

/**
 * A website's webhook endpoint on a free local port: records every request and every TCP connection
 * (a refused URL must not even be connected to), and answers from a script (default 200).
 */
export class WebhookReceiver {
  readonly received: ReceivedDelivery[] = []
  connections = 0
  private script: Answer[] = []
  private server = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8')
      let body: unknown = null
      try {
        body = JSON.parse(rawBody)
      } catch {
        // Recorded as text only: the test looks at rawBody.
      }
      this.received.push({ path: request.url ?? '/', headers: request.headers, rawBody, body })
      const answer = this.script.shift() ?? { status: 200, text: 'ok' }
      if (answer === 'hang') return
      response.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.text ?? '')
    })
  })

  async start(): Promise<void> {
    this.server.on('connection', () => (this.connections += 1))
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port
  }

  url(path = '/hooks/aula'): string {
    return `http://127.0.0.1:${this.port}${path}`
  }

  /** The next requests' answers, in order; afterwards 200 again. */
  answerNext(...answers: Answer[]): void {
    this.script.push(...answers)
  }

  /** Drops answers a test scripted but did not use. */
  clearScript(): void {
    this.script = []
  }

  to(path: string): ReceivedDelivery[] {
    return this.received.filter((delivery) => delivery.path === path)
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }
}
