import type { Metadata } from 'next'

import { siteCopy } from '@/site/copy'
import { ItemCard } from '@/site/ItemCard'
import { categories, upcomingItems } from '@/site/items'
import { isSiteLanguage, sitePath, type SiteLanguage } from '@/site/theme'

type Props = { params: Promise<{ lang: string }>; searchParams: Promise<{ category?: string | string[] }> }

const languageOf = (lang: string): SiteLanguage => (isSiteLanguage(lang) ? lang : 'es')

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: siteCopy[languageOf((await params).lang)].catalogueTitle }
}

/** The catalogue: what is coming, soonest first; `?category=<slug>` narrows it. */
export default async function CataloguePage({ params, searchParams }: Props) {
  const lang = languageOf((await params).lang)
  const asked = (await searchParams).category
  const category = typeof asked === 'string' && asked ? asked : undefined
  const text = siteCopy[lang]
  const [items, allCategories] = await Promise.all([upcomingItems(category), categories()])
  const filterHref = (slug?: string) => sitePath(lang, slug ? `/?category=${encodeURIComponent(slug)}` : '/')
  return (
    <>
      <h1>{text.catalogueTitle}</h1>
      <nav aria-label={text.categories}>
        <ul className="filters">
          <li>
            <a href={filterHref()} aria-current={category ? undefined : 'page'}>
              {text.allCategories}
            </a>
          </li>
          {allCategories.map((entry) => (
            <li key={entry.id}>
              <a href={filterHref(entry.slug ?? undefined)} aria-current={entry.slug === category ? 'page' : undefined} data-category={entry.slug}>
                {entry.name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {items.length ? (
        <ul className="cards">
          {items.map((item) => (
            <ItemCard key={`${item.kind}-${item.id}`} item={item} lang={lang} />
          ))}
        </ul>
      ) : (
        <p className="notice">{text.nothing}</p>
      )}
    </>
  )
}
