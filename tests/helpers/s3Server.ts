import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import S3rver from 's3rver'

import type { S3Settings } from '../../src/config/env'

/**
 * An S3-compatible server in the test process (s3rver), on a free port, keeping its objects in a
 * temporary folder. `settings` is what `S3_*` would give Aula; `keys()` lists the bucket as a client would.
 */
export async function startS3Server(bucket = 'aula-test-media', prefix = '') {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'aula-test-s3-'))
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] })
  const { port } = await server.run()
  const settings: S3Settings = {
    bucket,
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    // s3rver's fixed credentials.
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    forcePathStyle: true,
    prefix,
  }
  const client = new S3Client({ endpoint: settings.endpoint, region: settings.region, credentials: settings.credentials, forcePathStyle: true })
  return {
    settings,
    client,
    async keys(): Promise<string[]> {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket }))
      return (listed.Contents ?? []).map((object) => String(object.Key)).sort()
    },
    /** Writes an object behind Aula's back (another environment sharing the bucket). */
    async put(key: string, body: Buffer) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }))
    },
    async stop() {
      client.destroy()
      await server.close()
      fs.rmSync(directory, { recursive: true, force: true })
    },
  }
}
