/** An image a design refers to (a `media` upload), as much as the renderer needs to read its bytes. */
export interface DesignImage {
  id: number
  filename: string
  mimeType: string
}

export type DesignLanguage = 'es' | 'en'

/** The words of one language. Every part may use the certificate's `{{variables}}` (./wording.ts). */
export interface DesignWording {
  title: string
  preamble: string
  body: string
}

/** What a certificate looks like, whichever design (or none) it came from. */
export interface ResolvedDesign {
  /** The `certificate-designs` row used; null when none applies and Aula's built-in layout is used. */
  id: number | null
  signatoryName: string
  signatoryTitle: string | null
  pageSize: 'A4' | 'Letter'
  orientation: 'landscape' | 'portrait'
  /** `#rrggbb`: the title, the border and the rules. */
  accentColor: string
  background: DesignImage | null
  logo: DesignImage | null
  signature: DesignImage | null
  wording: Record<DesignLanguage, DesignWording>
}

export const DEFAULT_WORDING: Record<DesignLanguage, DesignWording> = {
  es: {
    title: 'Certificado',
    preamble: 'Se otorga el presente certificado a',
    body: 'por haber completado «{{item}}», con una duración de {{hours}} horas, el {{date}}.',
  },
  en: {
    title: 'Certificate',
    preamble: 'This certificate is awarded to',
    body: 'for completing “{{item}}”, {{hours}} hours, on {{date}}.',
  },
}

/** Aula's layout when no design applies: no images, the wording above, an unnamed signatory. */
export const BUILT_IN_DESIGN: ResolvedDesign = {
  id: null,
  signatoryName: '',
  signatoryTitle: null,
  pageSize: 'A4',
  orientation: 'landscape',
  accentColor: '#1f3a5f',
  background: null,
  logo: null,
  signature: null,
  wording: DEFAULT_WORDING,
}
