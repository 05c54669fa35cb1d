/**
 * A document id as a caller writes it: the digits of a positive integer and nothing else. Payload
 * reads ids with `parseFloat`, so `1.0`, ` 1`, `01`, `1e0`, `+1` and `1' OR '1'='1` all meant
 * document 1; an id names one document exactly or none.
 */
const CANONICAL_ID = /^[1-9][0-9]{0,15}$/

export function parseDocumentId(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isSafeInteger(raw) && raw >= 1 ? raw : null
  if (typeof raw !== 'string' || !CANONICAL_ID.test(raw)) return null
  const id = Number(raw)
  return Number.isSafeInteger(id) ? id : null
}
