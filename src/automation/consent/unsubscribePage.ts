import { htmlResponse } from '../../endpoints/htmlResponse'
import { sitePageHtml } from '../../site/theme'
import { escapeHtml } from '../../utilities/escapeHtml'

export type PageLanguage = 'es' | 'en'

const copy = {
  es: {
    title: 'Darse de baja',
    ask: (email: string) => `¿Dejar de recibir correos de novedades y promociones en <strong>${email}</strong>?`,
    keep: 'Seguirás recibiendo los correos de tus inscripciones (confirmaciones, recordatorios y recibos).',
    button: 'Sí, darme de baja',
    done: 'Listo: no volverás a recibir correos de novedades ni promociones en esta dirección.',
    invalid: 'Este enlace no es válido. Copia el enlace completo del correo o escríbenos.',
  },
  en: {
    title: 'Unsubscribe',
    ask: (email: string) => `Stop receiving news and promotional emails at <strong>${email}</strong>?`,
    keep: 'You will still get the emails about your enrollments (confirmations, reminders and receipts).',
    button: 'Yes, unsubscribe me',
    done: 'Done: you will not get news or promotional emails at this address again.',
    invalid: 'This link is not valid. Copy the whole link from the email, or write to us.',
  },
}

const page = (language: PageLanguage, body: string, status = 200) =>
  htmlResponse(sitePageHtml({ language, title: copy[language].title, body: `<h1>${copy[language].title}</h1>${body}` }), status)

/** The confirmation step: following the link only shows this; the button's POST unsubscribes. */
export const confirmPage = (language: PageLanguage, email: string, token: string) =>
  page(
    language,
    `<p>${copy[language].ask(escapeHtml(email))}</p><p>${copy[language].keep}</p>
     <form method="post" action="/api/unsubscribe?token=${encodeURIComponent(token)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${copy[language].button}</button></form>`,
  )

export const donePage = (language: PageLanguage) => page(language, `<p>${copy[language].done}</p><p>${copy[language].keep}</p>`)

export const invalidLinkPage = (language: PageLanguage) => page(language, `<p>${copy[language].invalid}</p>`, 400)
