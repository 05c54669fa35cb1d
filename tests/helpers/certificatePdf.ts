import { createCanvas } from '@napi-rs/canvas'
import jsQR from 'jsqr'

/**
 * A certificate PDF read back the way a person or a scanner meets it: the text pdf.js extracts
 * (what copy-paste and screen readers get) and the QR code decoded from the page rendered to pixels.
 */
const loadPdf = async (bytes: Uint8Array) => {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  return pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise
}

export async function pdfPages(bytes: Uint8Array): Promise<{ pageCount: number; width: number; height: number }> {
  const document = await loadPdf(bytes)
  const { view } = await document.getPage(1)
  return { pageCount: document.numPages, width: view[2] - view[0], height: view[3] - view[1] }
}

/** Every text run of page 1, joined by single spaces. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const page = await (await loadPdf(bytes)).getPage(1)
  const content = await page.getTextContent()
  return content.items
    .map((item) => ('str' in item ? item.str : ''))
    .filter(Boolean)
    .join(' ')
    .replace(/\s+/g, ' ')
}

/** Page 1 rendered at ~216 dpi and the first QR code jsQR finds in it (null when none). */
export async function pdfQrCode(bytes: Uint8Array): Promise<string | null> {
  const page = await (await loadPdf(bytes)).getPage(1)
  const viewport = page.getViewport({ scale: 3 })
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height))
  const context = canvas.getContext('2d')
  await page.render({ canvasContext: context as never, canvas: canvas as never, viewport }).promise
  const image = context.getImageData(0, 0, canvas.width, canvas.height)
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null
}

/** Each text run of page 1 with where it starts and ends horizontally, and the page's width (points). */
export async function pdfTextRuns(bytes: Uint8Array): Promise<{ pageWidth: number; runs: { text: string; left: number; right: number }[] }> {
  const page = await (await loadPdf(bytes)).getPage(1)
  const content = await page.getTextContent()
  const runs = content.items.flatMap((item) => ('str' in item && item.str.trim() ? [{ text: item.str, left: item.transform[4] as number, right: (item.transform[4] as number) + item.width }] : []))
  return { pageWidth: page.view[2] - page.view[0], runs }
}
