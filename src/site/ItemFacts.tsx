import { siteCopy } from './copy'
import { itemDay, money } from './format'
import type { SiteItem } from './items'
import type { SiteLanguage } from './theme'

export function PriceLine({ item, lang }: { item: SiteItem; lang: SiteLanguage }) {
  const text = siteCopy[lang]
  if (item.isFree || item.price === null) return <span className="price" data-price>{text.free}</span>
  return (
    <span className="price" data-price>
      {money(item.price, item.currency, lang)}
      {item.earlyBirdDeadline && item.regularPrice !== null ? (
        <span className="muted">
          {' '}
          · {text.earlyBird(itemDay(item.earlyBirdDeadline, item.timeZone))} ({text.regularPrice}: {money(item.regularPrice, item.currency, lang)})
        </span>
      ) : null}
    </span>
  )
}

export function SeatsLine({ item, lang }: { item: SiteItem; lang: SiteLanguage }) {
  const text = siteCopy[lang]
  const line = item.seatsLeft === null ? text.unlimited : item.seatsLeft > 0 ? text.seatsLeft(item.seatsLeft) : text.full
  return (
    <span className="muted" data-seats>
      {line}
    </span>
  )
}
