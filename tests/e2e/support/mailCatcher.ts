import fs from 'node:fs'
import path from 'node:path'
import { SMTPServer } from 'smtp-server'

/**
 * The browser tests' mail catcher: a real SMTP server in its own process (it outlives any one spec
 * file), writing each message it accepts as an .eml file into MAIL_DIR. Prints its port on stdout.
 */
const dir = process.env.MAIL_DIR!
fs.mkdirSync(dir, { recursive: true })
let count = 0
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    const chunks: Buffer[] = []
    stream.on('data', (chunk: Buffer) => chunks.push(chunk))
    stream.on('end', () => {
      count += 1
      const name = `${Date.now()}-${String(count).padStart(6, '0')}.eml`
      fs.writeFileSync(path.join(dir, `${name}.tmp`), Buffer.concat(chunks))
      fs.renameSync(path.join(dir, `${name}.tmp`), path.join(dir, name))
      callback()
    })
  },
})
server.on('error', () => undefined)
server.listen(0, '127.0.0.1', () => {
  const address = server.server.address()
  console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }))
})
