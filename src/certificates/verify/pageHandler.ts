import { getPayload, type Payload, type SanitizedConfig } from 'payload'

import { databaseUnavailableResponse, isDatabaseUnavailable } from '../../db/databaseAvailability'
import { getBusinessSettings } from '../../settings/businessSettings'
import { certificateVerifyApiUrl, certificateVerifyPageUrl } from '../urls'
import { findByVerificationCode } from './lookup'
import { verificationNotFoundPage, verificationPage, verificationTooManyPage } from './page'
import { verifyPageLanguage } from './pageLanguage'
import { publicSummary } from './publicSummary'
import { countVerification } from './rateLimit'

type Params = { params: Promise<{ code?: string }> }

/**
 * `GET /verify/:code`, the human page (src/app/verify/[code]/route.ts). A Next route handler of its
 * own, outside Payload's admin and API, so the public sees a plain page, not the admin's layout.
 * It shares the JSON endpoint's lookup, allow-list and rate-limit budget.
 */
export const verifyPageHandler =
  (config: Promise<SanitizedConfig> | SanitizedConfig) =>
  async (request: Request, { params }: Params): Promise<Response> => {
    try {
      return await answer(await getPayload({ config }), request, params)
    } catch (error) {
      // A QR scanned while PostgreSQL restarts: "try again shortly" (503), like the API's own routes.
      if (isDatabaseUnavailable(error, { socketErrorsMeanDatabase: true })) return databaseUnavailableResponse()
      throw error
    }
  }

async function answer(payload: Payload, request: Request, params: Params['params']): Promise<Response> {
  const url = new URL(request.url)
  const language = verifyPageLanguage(url, request.headers.get('accept-language'))
  const wait = await countVerification(payload, request.headers)
  if (wait !== null) return verificationTooManyPage(language, wait)
  const { code } = await params
  const certificate = await findByVerificationCode(payload, code)
  if (!certificate) return verificationNotFoundPage(language)
  const { timezone } = await getBusinessSettings(payload)
  const other = language === 'es' ? 'en' : 'es'
  return verificationPage(publicSummary(payload, certificate), language, {
    timeZone: timezone,
    apiUrl: certificateVerifyApiUrl(payload, certificate.verificationCode),
    switchTo: `${certificateVerifyPageUrl(payload, certificate.verificationCode)}?lang=${other}`,
  })
}
