import { htmlResponse } from '../../../endpoints/htmlResponse'
import { sitePageHtml, type SiteLanguage } from '../../../site/theme'

/** A small page for people who follow a link from an email (no admin, no login), in the public site's look. */
export const htmlPage = (title: string, body: string, status = 200, language: SiteLanguage = 'es') =>
  htmlResponse(sitePageHtml({ language, title, body }), status)
