import type { CollectionAfterLoginHook } from 'payload'

/**
 * At login the admin panel switches to the user's preferred language (`language`, Spanish by
 * default for new staff): Payload picks the admin language from its `payload-lng` cookie before
 * the browser's Accept-Language, so we set that cookie on the login response.
 */
export const followUserLanguage: CollectionAfterLoginHook = ({ req, user }) => {
  const language = (user as { language?: string }).language
  if (language !== 'es' && language !== 'en') return
  const headers = req.responseHeaders ?? new Headers()
  headers.append('Set-Cookie', `${req.payload.config.cookiePrefix || 'payload'}-lng=${language}; Path=/; SameSite=Lax; Max-Age=31536000`)
  req.responseHeaders = headers
}
