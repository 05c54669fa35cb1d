import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createLocalReq, type CollectionConfig, type Field } from 'payload'
import { renderToStaticMarkup } from 'react-dom/server'

import { fromPickerValue, toPickerValue } from '../../src/components/dates/zonedPickerValue'
import { UpcomingList } from '../../src/components/Dashboard/Widgets'
import { labelsFor } from '../../src/components/Dashboard/labels'
import { loadDashboard } from '../../src/dashboard/loadDashboard'
import { withDayFirstDates } from '../../src/fields/dates/dayFirstDates'
import { formatWithZone, instantOfWallTime } from '../../src/utilities/localTime'
import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'
import { ManualClock } from '../helpers/manualClock'

const ZONED_FIELD = '/src/components/dates/ZonedDateField#ZonedDateField'
const ZONED_CELL = '/src/components/dates/ZonedDateCell#ZonedDateCell'
const DAY_FIRST = /^dd\/MM\/yyyy( HH:mm)?$/

interface FoundDate {
  where: string
  field: any
}

/** Every date field staff can see, at any depth of a sanitized field list (rows, tabs, groups, arrays, blocks). */
const dateFieldsIn = (fields: Field[], where: string): FoundDate[] =>
  fields.flatMap((field: any): FoundDate[] => {
    // `hidden` or `admin.disabled` (Payload's own auth fields: lockUntil, sessions…) never reach the admin.
    if (field.hidden === true || field.admin?.disabled === true) return []
    const here = field.name ? `${where}.${field.name}` : where
    if (field.type === 'date') return [{ where: here, field }]
    if (field.type === 'tabs') return field.tabs.flatMap((tab: any) => dateFieldsIn(tab.fields, tab.name ? `${where}.${tab.name}` : where))
    if (field.type === 'blocks') return (field.blocks ?? []).flatMap((block: any) => dateFieldsIn(block.fields ?? [], `${here}.${block.slug}`))
    return Array.isArray(field.fields) ? dateFieldsIn(field.fields, here) : []
  })

/** What is wrong with one date field for staff, or null. */
const problemWith = ({ field }: FoundDate): string | null => {
  const appearance = field.admin?.date?.pickerAppearance ?? 'default'
  const format = field.admin?.date?.displayFormat
  if (appearance === 'timeOnly' ? format !== 'HH:mm' : appearance === 'monthOnly' ? format !== 'MM/yyyy' : !DAY_FIRST.test(format ?? '')) return `format ${format}`
  if (appearance === 'dayAndTime' && !format.endsWith('HH:mm')) return `a moment shown without its time (${format})`
  if (field.admin?.date?.timeFormat !== 'HH:mm') return `time list ${field.admin?.date?.timeFormat}`
  // Typed and read in a known zone: the item's own (Payload's picker with `_tz`) or the business's (Aula's picker).
  if (!field.timezone && field.admin?.components?.Field !== ZONED_FIELD) return 'picker in the browser zone'
  if (field.admin?.components?.Cell !== ZONED_CELL) return 'list cell without a zone'
  return null
}

const clock = new ManualClock('2026-11-30T12:00:00.000Z')
let aula: TestAula

beforeAll(async () => {
  aula = await startTestAula({ clock })
})

afterAll(async () => {
  await aula.close()
})

describe('every date field reads and shows day first, in a known zone', () => {
  it('no date field in the built config (collections, globals, nested, createdAt/updatedAt) is left on the US default or the browser zone', () => {
    const { config } = aula.payload
    // Payload's own internal collections (jobs, preferences, locks, migrations) are not shown to staff.
    const shown = config.collections.filter((collection) => !collection.slug.startsWith('payload-') || !collection.admin?.hidden)
    const found = [
      ...shown.flatMap((collection) => dateFieldsIn(collection.fields, collection.slug)),
      ...config.globals.flatMap((global) => dateFieldsIn(global.fields, global.slug)),
    ].filter(({ where }) => !where.startsWith('payload-'))
    const wrong = found.map((date) => [date.where, problemWith(date)]).filter(([, problem]) => problem)
    expect(wrong).toEqual([])
    // The walk really saw the fields of the defect and Payload's timestamps.
    const paths = found.map((date) => date.where)
    expect(paths).toEqual(expect.arrayContaining(['leads.interactions.nextActionAt', 'courses.modules.sessions.date', 'webinars.startsAt', 'leads.createdAt', 'webinars.updatedAt']))
    // Payload's own dates (document header) are day first and name the zone they are in.
    expect(config.admin.dateFormat).toBe('dd/MM/yyyy HH:mm (O)')
  })

  it('a date field added tomorrow, deep in tabs, blocks and arrays, gets the day-first format and the zoned picker', () => {
    const collection: CollectionConfig = {
      slug: 'tomorrow',
      fields: [
        {
          type: 'tabs',
          tabs: [
            {
              label: 'Plan',
              fields: [
                {
                  name: 'steps',
                  type: 'blocks',
                  blocks: [{ slug: 'visit', fields: [{ name: 'stops', type: 'array', fields: [{ name: 'at', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } }] }] }],
                },
              ],
            },
          ],
        },
        { name: 'day', type: 'date' },
      ],
    }
    const found = dateFieldsIn(withDayFirstDates(collection).fields, 'tomorrow')
    expect(found.map((date) => [date.where, date.field.admin.date.displayFormat, problemWith(date)])).toEqual([
      ['tomorrow.steps.visit.stops.at', 'dd/MM/yyyy HH:mm', null],
      ['tomorrow.day', 'dd/MM/yyyy', null],
      ['tomorrow.updatedAt', 'dd/MM/yyyy HH:mm', null],
      ['tomorrow.createdAt', 'dd/MM/yyyy HH:mm', null],
    ])
  })
})

describe('a typed date is stored as typed, in the business zone', () => {
  const withBrowserZone = (zone: string, run: () => void) => {
    const before = process.env.TZ
    process.env.TZ = zone
    try {
      run()
    } finally {
      if (before === undefined) delete process.env.TZ
      else process.env.TZ = before
    }
  }

  it.each(['UTC', 'Asia/Tokyo', 'America/Los_Angeles'])('"03/12/2026 10:00" typed on a laptop in %s is 3 December 10:00 Lima, and reads back the same', (browserZone) => {
    withBrowserZone(browserZone, () => {
      // react-datepicker hands back what was typed as the browser's local clock reading.
      const typed = new Date(2026, 11, 3, 10, 0)
      const stored = fromPickerValue(typed, 'America/Lima', 'dayAndTime')
      expect(stored).toBe('2026-12-03T15:00:00.000Z')
      const shown = new Date(toPickerValue(stored, 'America/Lima', 'dayAndTime')!)
      expect([shown.getFullYear(), shown.getMonth() + 1, shown.getDate(), shown.getHours(), shown.getMinutes()]).toEqual([2026, 12, 3, 10, 0])
    })
  })

  it('a whole day stays the same calendar day whatever the laptop zone, also for a date stored at midnight UTC', () => {
    withBrowserZone('America/Lima', () => {
      const shown = new Date(toPickerValue('2026-12-03T00:00:00.000Z', 'America/Lima', 'dayOnly')!)
      expect([shown.getFullYear(), shown.getMonth() + 1, shown.getDate()]).toEqual([2026, 12, 3])
    })
    withBrowserZone('Pacific/Auckland', () => {
      // Payload's picker moves a picked day to 12:00 UTC of that day before handing it over.
      expect(fromPickerValue(new Date('2026-12-03T12:00:00.000Z'), 'America/Lima', 'dayOnly')).toBe('2026-12-03T12:00:00.000Z')
    })
  })

  it("a lead saved from the admin form (empty lists sent as 0, as Payload's form does) keeps the typed next-action moment", async () => {
    const admin = await aula.createUser(['admin'])
    const lead = await aula.payload.create({ collection: 'leads', data: { firstName: 'Ana', lastName: 'Fechas', email: `fechas-${Date.now()}@x.pe` } as never, overrideAccess: true, depth: 0 })
    const interaction = { type: 'call', summary: 'Llamada', nextActionAt: fromPickerValue(new Date(2026, 11, 3, 10, 0), 'America/Lima', 'dayAndTime') }
    const saved = await aula.api.patch(`/leads/${lead.id}`, { interactions: [interaction], scoreReasons: 0, stageHistory: 0 }, { token: admin.token })
    expect(saved.status).toBe(200)
    expect(saved.body.doc.interactions[0].nextActionAt).toBe('2026-12-03T15:00:00.000Z')
    // Anything else that is not a list is still refused, naming the field.
    const refused = await aula.api.patch(`/leads/${lead.id}`, { stageHistory: 'x' }, { token: admin.token })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.body)).toContain('stageHistory')
  })

  it('wall times convert across daylight saving in the zone itself', () => {
    expect(instantOfWallTime({ year: 2026, month: 7, day: 1, hour: 10, minute: 0 }, 'Europe/Madrid').toISOString()).toBe('2026-07-01T08:00:00.000Z')
    expect(instantOfWallTime({ year: 2026, month: 12, day: 1, hour: 10, minute: 0 }, 'Europe/Madrid').toISOString()).toBe('2026-12-01T09:00:00.000Z')
  })
})

describe('times staff see are in the item zone or the business zone, and say which', () => {
  it('a webinar in Lima and one in Madrid each show their own local time, named', () => {
    expect(formatWithZone('2026-12-05T00:00:00.000Z', 'America/Lima')).toBe('04/12/2026 19:00 (hora de Lima)')
    expect(formatWithZone('2026-12-04T18:00:00.000Z', 'Europe/Madrid')).toBe('04/12/2026 19:00 (hora de Madrid)')
    expect(formatWithZone('2026-12-05T00:00:00.000Z', 'America/Lima', 'en')).toBe('04/12/2026 19:00 (Lima time)')
  })

  it('the dashboard data carries each item zone and the business zone, and shows 04/12/2026 19:00 Lima, not 5 dic 0:00', async () => {
    const { payload } = aula
    const lima = await createWebinar(payload, { title: 'Webinar Lima fechas', startsAt: '2026-12-05T00:00:00.000Z', timezone: 'America/Lima' })
    const madrid = await createWebinar(payload, { title: 'Webinar Madrid fechas', startsAt: '2026-12-04T18:00:00.000Z', timezone: 'Europe/Madrid' })
    const admin = await aula.createUser(['admin'])
    const user = await payload.findByID({ collection: 'users', id: admin.id, overrideAccess: true })
    const data = await loadDashboard(await createLocalReq({ user: { ...user, collection: 'users' } as never }, payload))
    expect(data.timeZone).toBe('America/Lima')
    if (data.upcoming?.status !== 'ready') throw new Error('upcoming widget not ready')
    const items = data.upcoming.data
    expect(items.find((item) => item.id === lima.id)).toMatchObject({ startsAt: '2026-12-05T00:00:00.000Z', timezone: 'America/Lima' })
    expect(items.find((item) => item.id === madrid.id)).toMatchObject({ startsAt: '2026-12-04T18:00:00.000Z', timezone: 'Europe/Madrid' })

    const html = renderToStaticMarkup(
      UpcomingList({ items, t: labelsFor('es'), locale: 'es-ES', adminRoute: '/admin', timeZone: data.timeZone, language: 'es' }),
    )
    expect(html).toContain('04/12/2026 19:00 (hora de Lima)')
    expect(html).toContain('04/12/2026 19:00 (hora de Madrid)')
    expect(html).not.toContain('05/12/2026')
  })

  it('a course without a zone of its own reads in the business zone setting, which staff can change', async () => {
    const { payload } = aula
    await payload.updateGlobal({ slug: 'business-settings', data: { timezone: 'Europe/Madrid' } as never, overrideAccess: true })
    try {
      const admin = await aula.createUser(['admin'])
      const user = await payload.findByID({ collection: 'users', id: admin.id, overrideAccess: true })
      const data = await loadDashboard(await createLocalReq({ user: { ...user, collection: 'users' } as never }, payload))
      expect(data.timeZone).toBe('Europe/Madrid')
    } finally {
      await payload.updateGlobal({ slug: 'business-settings', data: { timezone: 'America/Lima' } as never, overrideAccess: true })
    }
  })
})
