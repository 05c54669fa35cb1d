import type { ItemRatingRow } from '../../dashboard/queries/itemRatings'
import { formatLocalDate } from '../../utilities/localTime'
import type { WidgetContext } from './Widgets'

/**
 * Recently finished webinars and courses with their participants' average rating and how many of
 * the confirmed people answered (the numbers stored on each item by the feedback link).
 */
export function ItemRatingsList({ items, t, locale, adminRoute, timeZone }: { items: ItemRatingRow[] } & WidgetContext) {
  if (!items.length) return <p className="aula-dashboard__muted">{t.itemRatingsEmpty}</p>
  const rating = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 2 })
  return (
    <ul className="aula-dashboard__ratings">
      {items.map((item) => (
        <li key={`${item.collection}-${item.id}`} data-item-rating={`${item.collection}-${item.id}`}>
          <a href={`${adminRoute}/collections/${item.collection}/${item.id}`}>{item.title}</a>{' '}
          <span className="aula-dashboard__muted">
            {item.collection === 'webinars' ? t.webinar : t.course} · {t.endedOn} {formatLocalDate(item.endedAt, timeZone)}
          </span>
          <div>
            <strong data-figure="item-rating-average">{item.ratingAverage === null ? '—' : `${rating.format(item.ratingAverage)} / 5`}</strong>{' '}
            <span className="aula-dashboard__muted" data-figure="item-rating-count">
              {t.itemRatingsDetail(item.ratingCount, item.confirmed)}
            </span>
          </div>
        </li>
      ))}
    </ul>
  )
}
