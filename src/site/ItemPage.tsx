import { RichText } from '@payloadcms/richtext-lexical/react'
import { notFound } from 'next/navigation'

import { siteCopy } from './copy'
import { itemMoment, whenItStarts } from './format'
import { itemBySlug, type ItemKind } from './items'
import { PriceLine, SeatsLine } from './ItemFacts'
import { RegistrationForm } from './RegistrationForm'
import { isSiteLanguage, type SiteLanguage } from './theme'

export type ItemPageProps = { params: Promise<{ lang: string; slug: string }> }

export async function itemTitle(kind: ItemKind, { params }: ItemPageProps) {
  const { slug } = await params
  return { title: (await itemBySlug(kind, slug))?.title }
}

/** A webinar's or a course's page: what, who, when, how much, and the form to register. */
export async function ItemPage({ kind, params }: ItemPageProps & { kind: ItemKind }) {
  const { lang: asked, slug } = await params
  const lang: SiteLanguage = isSiteLanguage(asked) ? asked : 'es'
  const item = await itemBySlug(kind, slug)
  if (!item) notFound()
  const text = siteCopy[lang]
  const open = Boolean(item.startsAt) && new Date(item.startsAt!).getTime() > Date.now()
  return (
    <article data-item-page={`${kind}/${item.slug}`}>
      <span className="tag">
        {kind === 'webinars' ? text.webinar : text.course}
        {item.category ? ` · ${item.category}` : ''}
      </span>
      <h1>{item.title}</h1>
      <p>
        <strong>{text.startsAt}:</strong> <span data-starts-at>{whenItStarts(item, lang)}</span>
        {item.durationMinutes ? ` · ${text.duration(item.durationMinutes)}` : ''}
        {item.durationHours ? ` · ${text.hours(item.durationHours)}` : ''}
      </p>
      <p>
        <strong>{text.price}:</strong> <PriceLine item={item} lang={lang} />
        <br />
        <SeatsLine item={item} lang={lang} />
      </p>
      {item.description ? <RichText data={item.description as never} /> : item.summary ? <p>{item.summary}</p> : null}
      {item.speakers.length ? (
        <section>
          <h2>{kind === 'webinars' ? text.speakers : text.instructors}</h2>
          <ul>
            {item.speakers.map((speaker) => (
              <li key={speaker.id}>
                <strong>{speaker.name}</strong>
                {[speaker.headline, speaker.company].filter(Boolean).length ? <span className="muted"> · {[speaker.headline, speaker.company].filter(Boolean).join(', ')}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {item.sessions.length ? (
        <section>
          <h2>{text.schedule}</h2>
          <ol>
            {item.sessions.map((session, index) => (
              <li key={index}>
                {itemMoment(session.date, item.timeZone, lang)} · {session.name}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <section>
        <h2>{text.registerTitle}</h2>
        {open ? <RegistrationForm kind={kind} itemId={item.id} lang={lang} paid={!item.isFree} /> : <p className="notice">{text.closed}</p>}
      </section>
    </article>
  )
}
