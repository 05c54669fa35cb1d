import type { PayloadRequest } from 'payload'

import { escapeHtml } from '../../utilities/escapeHtml'

type AuthUser = { email?: string; firstName?: string | null; language?: string | null }

const isEnglish = (user: AuthUser | undefined) => user?.language === 'en'
const greeting = (user: AuthUser | undefined) =>
  `${isEnglish(user) ? 'Hello' : 'Hola'}${user?.firstName ? ` ${escapeHtml(user.firstName)}` : ''},`
const baseUrl = (req?: PayloadRequest) => req?.payload.config.serverURL ?? ''

const paragraph = (text: string) => `<p>${text}</p>`
const button = (href: string, label: string) => `<p><a href="${escapeHtml(href)}">${label}</a></p>`

/** Bilingual account emails. Their wording is product copy; the email pipeline will make them editable. */
export const authEmails = {
  forgotPassword: {
    subject: ({ user }: { user?: AuthUser } = {}) =>
      isEnglish(user) ? 'Reset your Aula password' : 'Restablece tu contraseña de Aula',
    html: ({ req, token, user }: { req?: PayloadRequest; token?: string; user?: AuthUser } = {}) => {
      const link = `${baseUrl(req)}/admin/reset/${token}`
      return isEnglish(user)
        ? [greeting(user), paragraph('Someone asked to reset the password of your account. If it was you, choose a new one:'), button(link, 'Choose a new password'), paragraph('If you did not ask for this, ignore this email.')].join('\n')
        : [greeting(user), paragraph('Alguien pidió restablecer la contraseña de tu cuenta. Si fuiste tú, elige una nueva:'), button(link, 'Elegir una nueva contraseña'), paragraph('Si no lo pediste, ignora este correo.')].join('\n')
    },
  },
  verify: {
    subject: ({ user }: { user?: AuthUser } = {}) =>
      isEnglish(user) ? 'Confirm your email for Aula' : 'Confirma tu correo en Aula',
    html: ({ req, token, user }: { req?: PayloadRequest; token?: string; user?: AuthUser } = {}) => {
      const link = `${baseUrl(req)}/admin/users/verify/${token}`
      return isEnglish(user)
        ? [greeting(user), paragraph('Confirm your email address to start using your account:'), button(link, 'Confirm my email')].join('\n')
        : [greeting(user), paragraph('Confirma tu dirección de correo para empezar a usar tu cuenta:'), button(link, 'Confirmar mi correo')].join('\n')
    },
  },
}
