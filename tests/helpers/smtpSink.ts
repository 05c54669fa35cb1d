import { simpleParser, type ParsedMail } from 'mailparser'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

/**
 * A real SMTP server in the test process. Messages arrive over TCP through nodemailer exactly as
 * they would at a mail provider, and are parsed back for assertions. `failNext(n)` makes the next
 * n messages be refused with a 451, to exercise retries.
 */
export class SmtpSink {
  readonly messages: ParsedMail[] = []
  private refusals = 0
  /** How long the server takes to accept each message. */
  delayMs = 0
  private server: SMTPServer
  port = 0

  constructor() {
    this.server = this.createServer()
  }

  /** A closed SMTPServer answers 421 to every later connection, so coming back after an outage needs a new one. */
  private createServer() {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        if (this.refusals > 0) {
          this.refusals -= 1
          stream.resume()
          stream.on('end', () => callback(Object.assign(new Error('Try again later'), { responseCode: 451 })))
          return
        }
        simpleParser(stream)
          .then(async (mail) => {
            // A slow server keeps a worker's batch in flight long enough to stop the worker in the middle of it.
            if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs))
            this.messages.push(mail)
            callback()
          })
          .catch(callback)
      },
    })
    // A client that dies mid-conversation (a killed worker) resets its connection: expected here, not a test failure.
    server.on('error', () => undefined)
    return server
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(this.port, '127.0.0.1', resolve))
    this.port = (this.server.server.address() as AddressInfo).port
    return this
  }

  /** An outage: the port stops listening (connections are refused) until `comeBack()` opens it again, on the same port. */
  goDown(): Promise<void> {
    return this.stop()
  }

  async comeBack(): Promise<this> {
    this.server = this.createServer()
    return this.start()
  }

  /** nodemailer transport options for the config factory's `smtpTransport`. */
  get transport() {
    return { host: '127.0.0.1', port: this.port, secure: false, ignoreTLS: true }
  }

  failNext(count: number) {
    this.refusals = count
  }

  to(address: string): ParsedMail[] {
    return this.messages.filter((mail) => JSON.stringify(mail.to).toLowerCase().includes(address.toLowerCase()))
  }

  async waitFor(predicate: (mail: ParsedMail) => boolean, timeoutMs = 5000): Promise<ParsedMail> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const found = this.messages.find(predicate)
      if (found) return found
      if (Date.now() > deadline) throw new Error('No matching email arrived in time')
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()))
  }
}
