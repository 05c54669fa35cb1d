'use client'
import { Button, useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import type React from 'react'
import { useEffect, useState } from 'react'

import { adminApiUrl } from '../adminApiUrl'
import { timelineText } from './timelineText'
import './timeline.scss'

interface Entry {
  at: string
  when: string
  source: string
  title: string
  detail?: string
  link?: { collection: string; id: number | string }
  email?: { to: string; subject: string; html: string; status: string }
}
interface Person {
  collection: string
  id: number
  name: string
  email: string
}
interface Timeline {
  zoneName: string
  entries: Entry[]
  related: Person[]
  hidden: string[]
}

/**
 * On a user's and a lead's page: everything that happened with this person, in time order, from
 * `GET /api/<users|leads>/:id/timeline` (which reads each source with the viewer's own access).
 */
export const PersonTimeline: React.FC = () => {
  const { id, collectionSlug } = useDocumentInfo()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const text = timelineText(i18n.language)
  const [timeline, setTimeline] = useState<Timeline | null>(null)
  const [failed, setFailed] = useState(false)
  const [open, setOpen] = useState<number | null>(null)
  const api = adminApiUrl(config, `/${collectionSlug}/${id}/timeline`)
  const adminRoute = config.routes.admin.replace(/\/$/, '')
  const docUrl = (collection: string, docId: number | string) => `${adminRoute}/collections/${collection}/${docId}`

  useEffect(() => {
    if (!id) return
    setFailed(false)
    fetch(api, { credentials: 'include' })
      .then(async (response) => (response.ok ? setTimeline(await response.json()) : setFailed(true)))
      .catch(() => setFailed(true))
  }, [api, id])

  if (!id) return null
  return (
    <section id="person-timeline" className="person-timeline" aria-label={text.heading} data-person-timeline>
      <h3>{text.heading}</h3>
      {failed && <p role="alert">{text.failed}</p>}
      {!timeline && !failed && <p>{text.loading}</p>}
      {timeline && (
        <>
          <p className="person-timeline__zone">{text.zone(timeline.zoneName)}</p>
          {timeline.related.length > 0 && (
            <p className="person-timeline__related">
              {text.related(String(collectionSlug))}{' '}
              {timeline.related.map((person, index) => (
                <span key={`${person.collection}-${person.id}`}>
                  {index > 0 && ', '}
                  <a href={docUrl(person.collection, person.id)}>{person.name || person.email}</a>
                </span>
              ))}
            </p>
          )}
          {timeline.hidden.length > 0 && <p className="person-timeline__hidden">{text.hidden(timeline.hidden)}</p>}
          {timeline.entries.length === 0 && <p>{text.empty}</p>}
          <ol className="person-timeline__entries">
            {timeline.entries.map((entry, index) => (
              <li key={`${entry.source}-${entry.at}-${index}`} className={`person-timeline__entry person-timeline__entry--${entry.source}`}>
                <time dateTime={entry.at}>{entry.when}</time>
                <span className="person-timeline__source">{text.source(entry.source)}</span>
                <div className="person-timeline__body">
                  {entry.link && entry.link.collection !== collectionSlug ? <a href={docUrl(entry.link.collection, entry.link.id)}>{entry.title}</a> : <strong>{entry.title}</strong>}
                  {entry.detail && <span className="person-timeline__detail"> · {entry.detail}</span>}
                  {entry.email?.html && (
                    <div>
                      <Button buttonStyle="secondary" size="small" onClick={() => setOpen(open === index ? null : index)}>
                        {open === index ? text.hideMessage : text.showMessage}
                      </Button>
                      {open === index && (
                        // No scripts, no navigation, no same-origin access: the message is shown, never run.
                        <iframe className="person-timeline__message" title={entry.email.subject} sandbox="" srcDoc={entry.email.html} />
                      )}
                    </div>
                  )}
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  )
}
