'use client'
import type React from 'react'
import { useEffect, useState } from 'react'

import type { AdminLanguage } from '../../i18n/say'
import { formatWithZone } from '../../utilities/localTime'
import { timeAgo, type BellLabels } from './labels'
import type { BellNotification } from './useNotifications'

interface Props {
  items: BellNotification[] | null
  failed: boolean
  labels: BellLabels
  language: AdminLanguage
  timeZone: string
  onFollow: (item: BellNotification) => void
}

/** The latest notifications, unread ones marked; "hace 5 minutos" keeps itself current, the exact time is in the tooltip. */
export const NotificationList: React.FC<Props> = ({ items, failed, labels, language, timeZone, onFollow }) => {
  const now = useNow(30_000)
  if (!items) return <p className="aula-bell__note">{failed ? labels.failed : labels.loading}</p>
  if (items.length === 0) return <p className="aula-bell__note">{labels.empty}</p>
  return (
    <ul className="aula-bell__list">
      {items.map((item) => (
        <li key={item.id} className={`aula-bell__item${item.readAt ? '' : ' aula-bell__item--unread'}`} data-notification-item data-unread={item.readAt ? 'false' : 'true'}>
          <button type="button" className="aula-bell__item-button" onClick={() => onFollow(item)}>
            {item.readAt ? null : <span className="aula-bell__dot" aria-label={labels.unread} />}
            <span className="aula-bell__title">{item.title}</span>
            {item.body ? <span className="aula-bell__body">{item.body}</span> : null}
            <time className="aula-bell__time" dateTime={item.createdAt} title={formatWithZone(item.createdAt, timeZone, language)}>
              {timeAgo(item.createdAt, now, language)}
            </time>
          </button>
        </li>
      ))}
    </ul>
  )
}

function useNow(everyMs: number): Date {
  const [now, setNow] = useState(() => new Date())
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs)
    return () => clearInterval(timer)
  }, [everyMs])
  return now
}
