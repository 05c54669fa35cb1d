/** Images for the catalog and PDFs for syllabi. Payload also checks the bytes, not only the name. */
export const MEDIA_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif', 'application/pdf']

const MEGABYTE = 1024 * 1024

/** Largest accepted upload; `MEDIA_MAX_UPLOAD_MB` overrides the 10 MB default. */
export const maxUploadBytes = (): number => {
  const megabytes = Number(process.env.MEDIA_MAX_UPLOAD_MB)
  return (Number.isFinite(megabytes) && megabytes > 0 ? megabytes : 10) * MEGABYTE
}
