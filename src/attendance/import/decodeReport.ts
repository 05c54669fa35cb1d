/**
 * A meeting report's bytes as text. Zoom and Meet write UTF-8 (often with a BOM); Teams writes
 * UTF-16LE with a BOM; a file opened and saved again in Excel on Windows may be Windows-1252.
 * Anything with NULs or other control characters after decoding is not a CSV report: `null`.
 */
export function decodeReport(bytes: Uint8Array): string | null {
  const text = decode(bytes)
  if (text === null) return null
  // Tabs, newlines and carriage returns are a report's; any other C0 control (or a NUL) means binary.
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/.test(text)) return null
  return text
}

function decode(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2))
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2))
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return strictUtf8(bytes.subarray(3))
  // UTF-16 without a BOM: ASCII text then has a NUL in every other byte.
  if (bytes.length >= 4 && looksLikeUtf16(bytes, 1)) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes.length >= 4 && looksLikeUtf16(bytes, 0)) return new TextDecoder('utf-16be').decode(bytes)
  return strictUtf8(bytes) ?? new TextDecoder('windows-1252').decode(bytes)
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

/** Most bytes at `parity` positions are NUL and almost none at the others: UTF-16 of mostly-ASCII text. */
function looksLikeUtf16(bytes: Uint8Array, parity: 0 | 1): boolean {
  const sample = bytes.subarray(0, Math.min(bytes.length, 2000))
  let nulHere = 0
  let nulThere = 0
  for (let index = 0; index < sample.length; index += 1) {
    if (sample[index] !== 0) continue
    if (index % 2 === parity) nulHere += 1
    else nulThere += 1
  }
  return nulHere > sample.length / 4 && nulThere === 0
}
