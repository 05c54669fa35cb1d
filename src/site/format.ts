import { formatLocalDate, formatWithZone } from '../utilities/localTime'
import type { SiteLanguage } from './theme'

/** A moment as the item's own clock reads it, naming the zone ("04/12/2026 19:00 (hora de Lima)"). */
export const itemMoment = (value: string | null | undefined, timeZone: string, language: SiteLanguage) => formatWithZone(value, timeZone, language)

export const itemDay = (value: string | null | undefined, timeZone: string) => formatLocalDate(value, timeZone)

export const money = (amount: number, currency: string, language: SiteLanguage) =>
  new Intl.NumberFormat(language === 'es' ? 'es-PE' : 'en-US', { style: 'currency', currency }).format(amount)

/** When an item starts: a webinar's moment on its own clock; a course's start is a day (picked day-only in the admin). */
export const whenItStarts = (item: { kind: string; startsAt: string | null; timeZone: string }, language: SiteLanguage) =>
  item.kind === 'courses' ? itemDay(item.startsAt, item.timeZone) : itemMoment(item.startsAt, item.timeZone, language)
