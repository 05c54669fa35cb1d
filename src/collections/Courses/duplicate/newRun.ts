import type { PayloadRequest } from 'payload'

import { getBusinessSettings } from '../../../settings/businessSettings'
import { resourcesForNewRun, sessionForNewRun } from '../../../followUps/newRun'
import { shiftCourseDates } from './shiftDates'

type Row = Record<string, unknown>

/** Computed, counted or generated on save: a new run starts them afresh. */
const NOT_COPIED = ['id', 'createdAt', 'updatedAt', 'deletedAt', 'slug', 'seatsTaken', 'seatsLeft', 'currentPrice', 'totalSessions', 'lastEditedBy', 'searchText']

const COURSE_CODE_MAX = 40

const withoutRowIds = (rows: unknown): Row[] =>
  (Array.isArray(rows) ? (rows as Row[]) : []).map(({ id: _id, ...row }) => ({ ...row, ...(Array.isArray(row.sessions) ? { sessions: withoutRowIds(row.sessions) } : {}) }))

async function firstFree(req: PayloadRequest, field: 'title' | 'courseCode', candidates: (attempt: number) => string) {
  for (let attempt = 1; ; attempt += 1) {
    const candidate = candidates(attempt)
    // Trashed courses keep their code and can be restored, so they count as taken.
    const { totalDocs } = await req.payload.count({ collection: 'courses', where: { [field]: { equals: candidate } }, trash: true, overrideAccess: true, req })
    if (totalDocs === 0) return candidate
  }
}

/**
 * A new run of `original`: the same content, prices, modules and sessions, every date moved by
 * `shiftDays`, a title and course code of its own (the slug follows the title), back to draft with
 * no seats taken. The original is only read.
 */
export async function newRunOf(req: PayloadRequest, original: Row, shiftDays: number): Promise<Row> {
  const { timezone } = await getBusinessSettings(req.payload, req)
  const copy: Row = Object.fromEntries(Object.entries(original).filter(([key]) => !NOT_COPIED.includes(key)))
  const title = String(original.title ?? '')
  const code = String(original.courseCode ?? '')
  return shiftCourseDates(
    {
      ...copy,
      // Follow-up material (src/followUps): resources carry over as new rows, the old run's recordings do not.
      modules: withoutRowIds(original.modules).map((module) => ({ ...module, sessions: (module.sessions as Row[] | undefined)?.map(sessionForNewRun) })),
      resources: resourcesForNewRun(original.resources),
      title: await firstFree(req, 'title', (attempt) => `${title} (copia${attempt === 1 ? '' : ` ${attempt}`})`),
      courseCode: await firstFree(req, 'courseCode', (attempt) => {
        const suffix = `-${attempt + 1}`
        return `${code.slice(0, COURSE_CODE_MAX - suffix.length)}${suffix}`
      }),
      status: 'draft',
    },
    shiftDays,
    timezone,
  )
}
