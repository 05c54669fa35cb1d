'use client'

import { useConfig, useTranslation } from '@payloadcms/ui'
import { usePathname } from 'next/navigation'

import { calendarLabelsFor } from './labels'

/** "Calendario" at the top of the admin navigation: the first thing a coordinator opens on Monday. */
export function CalendarNavLink() {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const href = `${config.routes.admin}/calendar`
  const active = usePathname()?.startsWith(href)
  return (
    <a className={`nav__link${active ? ' active' : ''}`} href={href} id="nav-aula-calendar">
      {active ? <div className="nav__link-indicator" /> : null}
      <span className="nav__link-label">{calendarLabelsFor(i18n.language).title}</span>
    </a>
  )
}
