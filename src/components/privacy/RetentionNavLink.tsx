'use client'

import { useAuth, useConfig, useTranslation } from '@payloadcms/ui'
import { usePathname } from 'next/navigation'

import { say } from '../../i18n/say'

/** "Privacidad" in the admin navigation, for admins only: the retention overview (RetentionView). */
export function RetentionNavLink() {
  const { config } = useConfig()
  const { user } = useAuth()
  const { i18n } = useTranslation()
  const href = `${config.routes.admin}/privacy`
  const active = usePathname()?.startsWith(href)
  if (!(user as { roles?: string[] } | null)?.roles?.includes('admin')) return null
  return (
    <a className={`nav__link${active ? ' active' : ''}`} href={href} id="nav-aula-privacy">
      {active ? <div className="nav__link-indicator" /> : null}
      <span className="nav__link-label">{say(i18n.language, { es: 'Privacidad', en: 'Privacy' })}</span>
    </a>
  )
}
