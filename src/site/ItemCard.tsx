import { siteCopy } from './copy'
import { whenItStarts } from './format'
import type { SiteItem } from './items'
import { PriceLine, SeatsLine } from './ItemFacts'
import { sitePath, type SiteLanguage } from './theme'

/** One catalogue entry: what it is, when (on the item's own clock), the price and the seats left. */
export function ItemCard({ item, lang }: { item: SiteItem; lang: SiteLanguage }) {
  const text = siteCopy[lang]
  const href = sitePath(lang, `/${item.kind}/${encodeURIComponent(item.slug)}`)
  return (
    <li className="card" data-item={`${item.kind}/${item.slug}`}>
      <span className="tag">
        {item.kind === 'webinars' ? text.webinar : text.course}
        {item.category ? ` · ${item.category}` : ''}
      </span>
      <h3>
        <a href={href}>{item.title}</a>
      </h3>
      <span data-starts-at>{whenItStarts(item, lang)}</span>
      {item.summary ? <span className="muted">{item.summary}</span> : null}
      <PriceLine item={item} lang={lang} />
      <SeatsLine item={item} lang={lang} />
    </li>
  )
}
