import QRCode from 'qrcode'
import { type PDFPage, rgb } from 'pdf-lib'

/**
 * The QR code is drawn as vector squares, not an embedded picture: it stays sharp at any zoom or print
 * size, weighs a few hundred bytes, and the URL it encodes is exactly the text we gave `qrcode`.
 * A white quiet zone of four modules keeps it scannable on a coloured background.
 */
export function drawQrCode(page: PDFPage, text: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const count = modules.size
  const quiet = 4
  const cell = size / (count + quiet * 2)
  page.drawRectangle({ x, y, width: size, height: size, color: rgb(1, 1, 1) })
  for (let row = 0; row < count; row++) {
    // One rectangle per run of dark modules: fewer operators, and no hairline seams between neighbours.
    for (let column = 0; column < count; column++) {
      if (!modules.get(row, column)) continue
      let end = column
      while (end + 1 < count && modules.get(row, end + 1)) end++
      // PDF y grows upwards; QR rows grow downwards.
      page.drawRectangle({ x: x + (quiet + column) * cell, y: y + size - (quiet + row + 1) * cell, width: (end - column + 1) * cell, height: cell, color: rgb(0, 0, 0) })
      column = end
    }
  }
}
