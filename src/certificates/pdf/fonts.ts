import { readFile } from 'node:fs/promises'
import path from 'node:path'
import fontkit from '@pdf-lib/fontkit'
import type { PDFDocument, PDFFont } from 'pdf-lib'

/**
 * DejaVu covers every Latin script (Vietnamese, Polish, Turkish, Icelandic, …), Greek and Cyrillic, so a
 * name like "Łukasz Ğündoğdu" prints as typed; pdf-lib's standard fonts only know WinAnsi. Subsetting keeps
 * just the glyphs a certificate uses (a few kB instead of 700).
 */
const FONT_DIR = path.join(process.cwd(), 'node_modules/dejavu-fonts-ttf/ttf')

const FILES = {
  serifBold: 'DejaVuSerif-Bold.ttf',
  sans: 'DejaVuSans.ttf',
  sansBold: 'DejaVuSans-Bold.ttf',
} as const

export type CertificateFonts = Record<keyof typeof FILES, PDFFont>

const cache = new Map<string, Promise<Buffer>>()
const fontBytes = (file: string) => {
  if (!cache.has(file)) cache.set(file, readFile(path.join(FONT_DIR, file)))
  return cache.get(file) as Promise<Buffer>
}

export async function embedFonts(pdf: PDFDocument): Promise<CertificateFonts> {
  pdf.registerFontkit(fontkit)
  const entries = await Promise.all(
    (Object.entries(FILES) as [keyof typeof FILES, string][]).map(async ([name, file]) => [name, await pdf.embedFont(await fontBytes(file), { subset: true })] as const),
  )
  return Object.fromEntries(entries) as CertificateFonts
}
