import sharp from 'sharp'

/** A small square JPEG with the person's initials: demo photos without network or binary files in git. */
export async function initialsPortrait(name: string, background: string): Promise<Buffer> {
  const initials = name
    .split(/\s+/)
    .map((word) => word[0])
    .join('')
    .slice(0, 2)
    .toUpperCase()
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400">
    <rect width="400" height="400" fill="${background}"/>
    <text x="50%" y="50%" dy=".35em" text-anchor="middle" font-family="sans-serif" font-size="160" fill="#ffffff">${initials}</text>
  </svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer()
}
