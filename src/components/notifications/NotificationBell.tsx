'use client'
import { useConfig, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation.js'
import type React from 'react'
import { useEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'

import { adminLanguage } from '../../i18n/say'
import { adminApiUrl } from '../adminApiUrl'
import { useBusinessTimeZone } from '../dates/businessTimeZoneContext'
import { NotificationList } from './NotificationList'
import { bellLabelsFor } from './labels'
import { useNotifications, type BellNotification } from './useNotifications'

import './notifications.scss'

/**
 * The bell in the admin header (`admin.components.actions`): the unread count, and on click the
 * latest ten with "Marcar todo como leído". It stays current without a reload (see useNotifications).
 * The list opens in a portal: the header's action strip clips anything that overflows it.
 */
export const NotificationBell: React.FC = () => {
  const { config } = useConfig()
  const language = adminLanguage(useTranslation().i18n.language)
  const labels = bellLabelsFor(language)
  const timeZone = useBusinessTimeZone()
  const router = useRouter()
  const { unread, items, failed, live, loadList, markAllRead, markRead } = useNotifications(adminApiUrl(config))
  const [anchor, setAnchor] = useState<{ top: number; right: number } | null>(null)
  const button = useRef<HTMLButtonElement>(null)
  const panel = useRef<HTMLDivElement>(null)
  const open = anchor !== null

  // Without the live stream, a count that changed while the list is open brings the list up to date.
  const polledCount = live ? null : unread
  useEffect(() => {
    if (open) void loadList()
  }, [open, loadList, polledCount])

  useEffect(() => {
    if (!open) return
    const closeOutside = (event: MouseEvent) => {
      const target = event.target as Node
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setAnchor(null)
    }
    const closeOnEscape = (event: KeyboardEvent) => event.key === 'Escape' && setAnchor(null)
    document.addEventListener('mousedown', closeOutside)
    document.addEventListener('keydown', closeOnEscape)
    return () => {
      document.removeEventListener('mousedown', closeOutside)
      document.removeEventListener('keydown', closeOnEscape)
    }
  }, [open])

  const toggle = () => {
    const rect = button.current?.getBoundingClientRect()
    setAnchor(open || !rect ? null : { top: rect.bottom + 6, right: Math.max(8, window.innerWidth - rect.right) })
  }

  const follow = async (item: BellNotification) => {
    if (!item.readAt) await markRead(item.id)
    if (!item.link) return
    setAnchor(null)
    // Admin paths change page inside the admin; a site URL is a page of its own.
    if (item.link.startsWith('/')) router.push(item.link)
    else window.location.assign(item.link)
  }

  const count = unread ?? 0
  return (
    <>
      <button
        ref={button}
        type="button"
        className={`aula-bell${count > 0 ? ' aula-bell--unread' : ''}`}
        aria-label={labels.bell(count)}
        aria-expanded={open}
        title={labels.bell(count)}
        data-notification-bell
        data-live={live ? 'true' : 'false'}
        onClick={toggle}
      >
        <BellIcon />
        {count > 0 ? (
          <span className="aula-bell__badge" data-notification-count>
            {count > 99 ? '99+' : count}
          </span>
        ) : null}
      </button>
      {open
        ? createPortal(
            <div ref={panel} className="aula-bell__panel" style={{ top: anchor.top, right: anchor.right }} role="dialog" aria-label={labels.heading} data-notification-panel>
              <div className="aula-bell__header">
                <strong>{labels.heading}</strong>
                <button type="button" className="aula-bell__mark-all" disabled={count === 0} onClick={() => void markAllRead()}>
                  {labels.markAllRead}
                </button>
              </div>
              <NotificationList items={items} failed={failed} labels={labels} language={language} timeZone={timeZone} onFollow={follow} />
              <a className="aula-bell__footer" href={`${config.routes.admin.replace(/\/$/, '')}${config.admin.routes.account}`}>
                {labels.muteLink}
              </a>
            </div>,
            document.body,
          )
        : null}
    </>
  )
}

const BellIcon = () => (
  <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
    <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
    <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
  </svg>
)
