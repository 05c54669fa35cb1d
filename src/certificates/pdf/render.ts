import { degrees, PageSizes, PDFDocument, type PDFFont, type PDFImage, type PDFPage, type RGB, rgb } from 'pdf-lib'

import type { CertificateFacts } from '../types'
import type { ResolvedDesign } from './design'
import { type CertificateFonts, embedFonts } from './fonts'
import { fitParagraph, fitSize, formatHours, hexColor, longDate, printable } from './layout'
import { drawQrCode } from './qr'
import { fillWording } from './wording'

/** Image bytes for the design's pictures, already read from storage (null when missing or unreadable). */
export interface DesignImages {
  background: Uint8Array | null
  logo: Uint8Array | null
  signature: Uint8Array | null
}

const LABELS = {
  es: { number: 'N.º', verify: 'Verifique este certificado en', version: 'versión', issued: 'Emitido el', revoked: 'REVOCADO' },
  en: { number: 'No.', verify: 'Verify this certificate at', version: 'version', issued: 'Issued on', revoked: 'REVOKED' },
} as const

/** PNG or JPEG by their magic bytes (the design's own check allows nothing else); null for anything else. */
async function embedImage(pdf: PDFDocument, bytes: Uint8Array | null): Promise<PDFImage | null> {
  if (!bytes || bytes.length < 4) return null
  try {
    if (bytes[0] === 0x89 && bytes[1] === 0x50) return await pdf.embedPng(bytes)
    if (bytes[0] === 0xff && bytes[1] === 0xd8) return await pdf.embedJpg(bytes)
  } catch {
    // A damaged picture must not stop a certificate from being issued: it prints without it.
  }
  return null
}

/** Scales `image` to fit inside `width` × `height`, keeping its proportions. */
const fitInside = (image: PDFImage, width: number, height: number) => image.scale(Math.min(width / image.width, height / image.height))

function centred(page: PDFPage, text: string, font: PDFFont, size: number, y: number, color = rgb(0.15, 0.15, 0.15)) {
  const width = font.widthOfTextAtSize(text, size)
  page.drawText(text, { x: (page.getWidth() - width) / 2, y, size, font, color })
}

/**
 * One page: background (or a double border), logo, title, the holder's name large, the wording, the
 * signatory on the left, the QR code with the verification URL and the number on the right.
 */
export async function renderCertificate(facts: CertificateFacts, design: ResolvedDesign, images: DesignImages, verifyUrl: string): Promise<Uint8Array> {
  const language = facts.language === 'en' ? 'en' : 'es'
  const pdf = await PDFDocument.create()
  pdf.setTitle(`${facts.number} · ${printable(facts.holderName)}`)
  pdf.setSubject(printable(facts.item.title))
  pdf.setProducer('Aula')
  pdf.setCreator('Aula')
  const fonts = await embedFonts(pdf)
  const [shortSide, longSide] = design.pageSize === 'Letter' ? PageSizes.Letter : PageSizes.A4
  const page = pdf.addPage(design.orientation === 'portrait' ? [shortSide, longSide] : [longSide, shortSide])
  const { width, height } = page.getSize()
  const accent = rgb(...hexColor(design.accentColor))
  const margin = Math.min(width, height) * 0.07

  const background = await embedImage(pdf, images.background)
  if (background) page.drawImage(background, { x: 0, y: 0, width, height })
  else {
    page.drawRectangle({ x: 18, y: 18, width: width - 36, height: height - 36, borderColor: accent, borderWidth: 3 })
    page.drawRectangle({ x: 26, y: 26, width: width - 52, height: height - 52, borderColor: accent, borderWidth: 0.8 })
  }

  let y = height - margin
  const logo = await embedImage(pdf, images.logo)
  if (logo) {
    const size = fitInside(logo, width * 0.3, height * 0.12)
    y -= size.height
    page.drawImage(logo, { x: (width - size.width) / 2, y, ...size })
  }

  const values = {
    name: printable(facts.holderName),
    item: printable(facts.item.title),
    hours: formatHours(facts.hours, language),
    date: longDate(facts.completedOn, language),
    number: facts.number,
  }
  const wording = design.wording[language]
  const textWidth = Math.min(width - margin * 2.4, Math.max(width * 0.72, 420))

  // Measure the block (title, preamble, name, rule, body) first, then centre it between the logo and the footer.
  const title = fitParagraph(printable(fillWording(wording.title, values)).toLocaleUpperCase(language), fonts.serifBold, 36, 16, textWidth, 2, 0.7)
  const preamble = fitParagraph(printable(fillWording(wording.preamble, values)), fonts.sans, 14, 10, textWidth, 2)
  const name = fitParagraph(values.name, fonts.serifBold, 32, 14, textWidth, 2, 0.7)
  const body = fitParagraph(printable(fillWording(wording.body, values)), fonts.sans, 13, 9, textWidth, 7)
  const linesHeight = (part: { size: number; lines: string[] }) => part.lines.length * part.size * 1.4
  const blockHeight = linesHeight(title) + 20 + linesHeight(preamble) + 10 + linesHeight(name) + 30 + linesHeight(body)
  const footerTop = margin + 110
  y = Math.min(y - 12, footerTop + (y - footerTop + blockHeight) / 2)

  const drawLines = (part: { size: number; lines: string[] }, font: PDFFont, color?: RGB) => {
    for (const line of part.lines) {
      y -= part.size
      centred(page, line, font, part.size, y, color)
      y -= part.size * 0.4
    }
  }
  drawLines(title, fonts.serifBold, accent)
  y -= 20
  drawLines(preamble, fonts.sans)
  y -= 10
  drawLines(name, fonts.serifBold, rgb(0.1, 0.1, 0.1))
  // Below the deepest descender (ç, ị, g) of the name.
  y -= 2
  page.drawLine({ start: { x: width * 0.28, y }, end: { x: width * 0.72, y }, thickness: 0.8, color: accent })
  y -= 28
  drawLines(body, fonts.sans)

  drawSignatory(page, fonts, design, facts, await embedImage(pdf, images.signature), margin)
  // A revoked certificate's PDF drawn again (a download after revocation) must not pass for a valid one.
  if (facts.status === 'revoked') drawRevokedStamp(page, fonts.sansBold, LABELS[language].revoked)
  drawVerification(page, fonts, facts, verifyUrl, margin, LABELS[language], longDate(facts.issuedOn, language))

  return pdf.save()
}

function drawSignatory(page: PDFPage, fonts: CertificateFonts, design: ResolvedDesign, facts: CertificateFacts, signature: PDFImage | null, margin: number) {
  const name = printable(facts.signatoryName || design.signatoryName)
  const title = printable(facts.signatoryTitle ?? design.signatoryTitle ?? '')
  if (!name && !signature) return
  const lineWidth = 200
  const x = margin * 1.4
  const lineY = margin + 40
  if (signature) {
    const size = fitInside(signature, lineWidth, 60)
    page.drawImage(signature, { x: x + (lineWidth - size.width) / 2, y: lineY + 4, ...size })
  }
  page.drawLine({ start: { x, y: lineY }, end: { x: x + lineWidth, y: lineY }, thickness: 0.6, color: rgb(0.3, 0.3, 0.3) })
  const nameSize = fitSize(name, fonts.sansBold, 11, 7, lineWidth)
  page.drawText(name, { x: x + (lineWidth - fonts.sansBold.widthOfTextAtSize(name, nameSize)) / 2, y: lineY - 15, size: nameSize, font: fonts.sansBold })
  if (title) {
    const titleSize = fitSize(title, fonts.sans, 10, 7, lineWidth)
    page.drawText(title, { x: x + (lineWidth - fonts.sans.widthOfTextAtSize(title, titleSize)) / 2, y: lineY - 29, size: titleSize, font: fonts.sans, color: rgb(0.3, 0.3, 0.3) })
  }
}

function drawVerification(page: PDFPage, fonts: CertificateFonts, facts: CertificateFacts, verifyUrl: string, margin: number, labels: (typeof LABELS)['es' | 'en'], issuedOn: string) {
  const qrSize = 92
  const x = page.getWidth() - margin * 1.4 - qrSize
  const y = margin - 6
  drawQrCode(page, verifyUrl, x, y, qrSize)
  const grey = rgb(0.3, 0.3, 0.3)
  const rightEdge = x - 10
  const number = `${labels.number} ${facts.number}${facts.version > 1 ? ` (${labels.version} ${facts.version})` : ''}`
  const lines: [string, typeof fonts.sans, number][] = [
    [number, fonts.sansBold, 10],
    [`${labels.issued} ${issuedOn}`, fonts.sans, 8],
    [labels.verify, fonts.sans, 8],
    [verifyUrl, fonts.sans, fitSize(verifyUrl, fonts.sans, 8, 5, 260)],
  ]
  let lineY = y + qrSize - 12
  for (const [text, font, size] of lines) {
    page.drawText(text, { x: rightEdge - font.widthOfTextAtSize(text, size), y: lineY, size, font, color: grey })
    lineY -= size + 6
  }
}

function drawRevokedStamp(page: PDFPage, font: PDFFont, word: string) {
  const size = Math.min(page.getWidth(), page.getHeight()) * 0.16
  const angle = Math.atan2(page.getHeight(), page.getWidth())
  const textWidth = font.widthOfTextAtSize(word, size)
  // Centre the rotated word on the page: start half its length (and half its height) back along the diagonal.
  const x = page.getWidth() / 2 - (Math.cos(angle) * textWidth) / 2 + (Math.sin(angle) * size) / 3
  const y = page.getHeight() / 2 - (Math.sin(angle) * textWidth) / 2 - (Math.cos(angle) * size) / 3
  page.drawText(word, { x, y, size, font, color: rgb(0.75, 0.1, 0.1), opacity: 0.35, rotate: degrees((angle * 180) / Math.PI) })
}
