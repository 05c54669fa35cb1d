import { randomInt } from 'node:crypto'
import type { PayloadRequest } from 'payload'

import { sql, sqlFor } from '../../enrollment/transaction'

/** No 0/O, 1/I/L, 5/S, 2/Z: a reference is read off a screen and typed into a bank's form. */
const ALPHABET = '346789ABCDEFGHJKMNPQRTUVWXY'
const LENGTH = 6

const candidate = () => `AULA-${Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')}`

/**
 * A fresh reference a transfer must quote (`AULA-7K3F9Q`): short enough for a bank's "concept" field,
 * random (it says nothing about how many sales there were), and checked against every payment before use.
 * The unique index on `payments.reference` is the last word if two picks ever collide at the same moment.
 */
export async function newTransferReference(req: PayloadRequest): Promise<string> {
  const db = await sqlFor(req)
  for (;;) {
    const reference = candidate()
    const { rows } = await db.execute(sql`SELECT 1 FROM payments WHERE reference = ${reference} LIMIT 1`)
    if (!rows.length) return reference
  }
}
