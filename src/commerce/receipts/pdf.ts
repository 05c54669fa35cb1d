import { PageSizes, PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib'

import { embedFonts } from '../../certificates/pdf/fonts'
import { printable, wrapText } from '../../certificates/pdf/layout'
import { formatAmount } from '../../payments/money'
import type { ReceiptDoc } from './types'
import { methodName, RECEIPT_WORDS, receiptLanguage } from './wording'

const INK = rgb(0.12, 0.12, 0.12)
const MUTED = rgb(0.4, 0.4, 0.4)
const RULE = rgb(0.75, 0.75, 0.75)
const MARGIN = 50

type Fonts = Awaited<ReturnType<typeof embedFonts>>

/** Writes text left-aligned, or ending at `x` when `alignRight`; returns nothing (callers keep their own y). */
function write(page: PDFPage, text: string, x: number, y: number, font: PDFFont, size: number, alignRight = false, color = INK) {
  const clean = printable(text)
  const at = alignRight ? x - font.widthOfTextAtSize(clean, size) : x
  page.drawText(clean, { x: at, y, size, font, color })
}

/** Lines of a paragraph under one another; returns the y below the last one. */
function paragraph(page: PDFPage, text: string, x: number, y: number, width: number, font: PDFFont, size: number, color = INK): number {
  let cursor = y
  for (const raw of printable(text.replace(/\r/g, '')).split('\n')) {
    for (const line of wrapText(raw, font, size, width)) {
      write(page, line, x, cursor, font, size, false, color)
      cursor -= size * 1.35
    }
  }
  return cursor
}

function rule(page: PDFPage, y: number) {
  page.drawLine({ start: { x: MARGIN, y }, end: { x: page.getWidth() - MARGIN, y }, thickness: 0.6, color: RULE })
}

/**
 * One A4 page drawn from the receipt's frozen snapshot: seller and number at the top, the buyer, the
 * lines, the totals with the tax carved out, the payment method. Same bytes for the same receipt, so
 * it is drawn on request rather than stored.
 */
export async function receiptPdfBytes(receipt: ReceiptDoc): Promise<Uint8Array> {
  const language = receiptLanguage(receipt.language)
  const words = RECEIPT_WORDS[language]
  const money = (value: number | null | undefined) => `${formatAmount(Number(value) || 0, receipt.currency)} ${receipt.currency}`
  const pdf = await PDFDocument.create()
  pdf.setTitle(`${words[receipt.kind]} ${receipt.number}`)
  pdf.setProducer('Aula')
  pdf.setCreator('Aula')
  // A fixed date keeps the bytes of one receipt the same on every download.
  pdf.setCreationDate(new Date(receipt.issuedAt))
  pdf.setModificationDate(new Date(receipt.issuedAt))
  const fonts: Fonts = await embedFonts(pdf)
  const page = pdf.addPage(PageSizes.A4)
  const { width, height } = page.getSize()
  const right = width - MARGIN
  let y = height - MARGIN - 10

  // Seller on the left, the document's kind, number and date on the right.
  const seller = receipt.seller ?? {}
  write(page, seller.legalName || '—', MARGIN, y, fonts.sansBold, 14)
  write(page, words[receipt.kind], right, y, fonts.sansBold, 14, true)
  let left = y - 18
  if (seller.taxId) (write(page, `${words.taxId}: ${seller.taxId}`, MARGIN, left, fonts.sans, 9.5), (left -= 13))
  if (seller.address) left = paragraph(page, seller.address, MARGIN, left, width / 2 - MARGIN, fonts.sans, 9.5)
  if (seller.email) (write(page, seller.email, MARGIN, left, fonts.sans, 9.5), (left -= 13))
  let top = y - 18
  write(page, `${words.number}: ${receipt.number}`, right, top, fonts.sansBold, 11, true)
  top -= 15
  write(page, `${words.issuedOn}: ${receipt.issuedOn ?? receipt.issuedAt.slice(0, 10)}`, right, top, fonts.sans, 9.5, true)
  if (receipt.kind === 'credit_note' && receipt.creditForNumber) {
    top -= 13
    write(page, `${words.creditFor}: ${receipt.creditForNumber}`, right, top, fonts.sans, 9.5, true)
  }
  y = Math.min(left, top) - 12
  rule(page, y)

  // The buyer.
  y -= 18
  const buyer = receipt.buyer ?? {}
  write(page, words.buyer, MARGIN, y, fonts.sansBold, 10, false, MUTED)
  y -= 15
  // An erased buyer's receipt says so under the pseudonym (src/privacy/erasure).
  for (const line of [buyer.company, buyer.name, buyer.taxId ? `${words.taxId}: ${buyer.taxId}` : '', buyer.email, receipt.erasureNote].filter(Boolean) as string[]) {
    write(page, line, MARGIN, y, fonts.sans, 10)
    y -= 13
  }
  y -= 8
  rule(page, y)

  // The lines.
  const cols = { quantity: right - 230, unitPrice: right - 110, amount: right }
  y -= 16
  write(page, words.description, MARGIN, y, fonts.sansBold, 9.5)
  write(page, words.quantity, cols.quantity, y, fonts.sansBold, 9.5, true)
  write(page, words.unitPrice, cols.unitPrice, y, fonts.sansBold, 9.5, true)
  write(page, words.amount, cols.amount, y, fonts.sansBold, 9.5, true)
  y -= 8
  rule(page, y)
  y -= 15
  for (const line of receipt.lines ?? []) {
    const described = wrapText(printable(line.description ?? ''), fonts.sans, 10, cols.quantity - 40 - MARGIN)
    write(page, String(line.quantity), cols.quantity, y, fonts.sans, 10, true)
    write(page, formatAmount(Number(line.unitPrice), receipt.currency), cols.unitPrice, y, fonts.sans, 10, true)
    write(page, formatAmount(Number(line.amount), receipt.currency), cols.amount, y, fonts.sans, 10, true)
    for (const text of described) {
      write(page, text, MARGIN, y, fonts.sans, 10)
      y -= 13
    }
    y -= 4
  }
  rule(page, y)

  // Totals: the tax is inside the total (docs/decisions/0020-receipts.md).
  y -= 18
  const rate = Number(receipt.taxRatePercent) || 0
  if (rate > 0) {
    write(page, words.taxBase, cols.unitPrice, y, fonts.sans, 10, true)
    write(page, money(receipt.taxBase), cols.amount, y, fonts.sans, 10, true)
    y -= 14
    write(page, `${receipt.taxName ?? ''} ${rate}%`.trim(), cols.unitPrice, y, fonts.sans, 10, true)
    write(page, money(receipt.tax), cols.amount, y, fonts.sans, 10, true)
    y -= 16
  }
  write(page, words.total, cols.unitPrice, y, fonts.sansBold, 12, true)
  write(page, money(receipt.total), cols.amount, y, fonts.sansBold, 12, true)
  y -= 30
  write(page, `${words.method}: ${methodName(receipt.method, language)}`, MARGIN, y, fonts.sans, 10)
  y -= 14
  if (receipt.kind === 'credit_note' && receipt.reason) y = paragraph(page, `${words.reason}: ${receipt.reason}`, MARGIN, y, width - 2 * MARGIN, fonts.sans, 10)
  write(page, rate > 0 ? words.taxIncluded(receipt.taxName ?? '') : words.noTax, MARGIN, MARGIN, fonts.sans, 8.5, false, MUTED)
  return pdf.save()
}
