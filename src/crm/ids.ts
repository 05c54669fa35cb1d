/** The id of a relationship value whether it arrives populated (`{id}`) or bare; `null` when empty. */
export function idOf(value: unknown): number | null {
  const raw = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : value
  if (raw === null || raw === undefined || raw === '') return null
  const id = Number(raw)
  return Number.isSafeInteger(id) ? id : null
}
