import type { Bilingual } from '../../i18n/say'

/** pdf-lib embeds PNG and JPEG only; WebP, GIF, AVIF or a PDF would be dropped from the page. */
export const DESIGN_IMAGE_MIME_TYPES = ['image/png', 'image/jpeg']

/** A certificate is one page: 5 MB and 6,000 px a side are plenty for print at 300 dpi (A4 is 3,508 × 2,480). */
export const DESIGN_IMAGE_MAX_BYTES = 5 * 1024 * 1024
export const DESIGN_IMAGE_MAX_SIDE = 6000
/**
 * A PNG is decoded to raw pixels to be embedded: a small, highly compressed file can unpack to
 * gigabytes. The pixel count bounds the memory one render may take (24 Mpx ≈ 96 MB as RGBA).
 */
export const DESIGN_IMAGE_MAX_PIXELS = 24_000_000

export interface MediaFacts {
  mimeType?: string | null
  filesize?: number | null
  width?: number | null
  height?: number | null
}

/** Why this upload cannot go on a certificate, or null when it can. */
export function designImageProblem(media: MediaFacts): Bilingual | null {
  if (!media.mimeType || !DESIGN_IMAGE_MIME_TYPES.includes(media.mimeType)) {
    return { es: `Usa una imagen PNG o JPEG (este archivo es ${media.mimeType ?? 'desconocido'}).`, en: `Use a PNG or JPEG image (this file is ${media.mimeType ?? 'unknown'}).` }
  }
  if ((media.filesize ?? 0) > DESIGN_IMAGE_MAX_BYTES) return { es: 'La imagen pesa más de 5 MB.', en: 'The image is larger than 5 MB.' }
  const width = media.width ?? 0
  const height = media.height ?? 0
  if (!width || !height) return { es: 'No se pudo leer el tamaño de la imagen.', en: 'The image’s size could not be read.' }
  if (width > DESIGN_IMAGE_MAX_SIDE || height > DESIGN_IMAGE_MAX_SIDE || width * height > DESIGN_IMAGE_MAX_PIXELS) {
    return { es: `La imagen mide ${width} × ${height} px; el máximo es ${DESIGN_IMAGE_MAX_SIDE} px por lado.`, en: `The image is ${width} × ${height} px; the limit is ${DESIGN_IMAGE_MAX_SIDE} px a side.` }
  }
  return null
}
