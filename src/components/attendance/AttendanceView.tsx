import { Gutter } from '@payloadcms/ui'
import type { DocumentViewServerProps } from 'payload'

import { canReadAttendance } from '../../attendance/permissions'
import { AttendancePage } from './AttendancePage'
import { attendanceLabels } from './labels'
import { recorderNames, sessionChoices } from './sessionChoices'

/**
 * …/collections/courses/:id/attendance (and webinars): the roster of one session, the meeting report
 * import and the check-in code. Reads and writes go through the attendance endpoints, which check
 * who may do what again (src/attendance, src/attendance/import, src/attendance/checkIn).
 */
export async function AttendanceView(props: DocumentViewServerProps) {
  const { initPageResult, doc } = props
  const req = initPageResult.req
  const collection = initPageResult.collectionConfig?.slug
  if (!doc?.id || (collection !== 'webinars' && collection !== 'courses')) return null
  const language = req.i18n.language
  const t = attendanceLabels(language)
  if (!(await canReadAttendance(req, collection, doc.id as number))) {
    return (
      <Gutter>
        <p className="aula-attendance">{t.cannotRead}</p>
      </Gutter>
    )
  }
  const { choices, defaultIndex, timezone, timezoneName } = await sessionChoices(req, collection, doc as Record<string, unknown>)
  return (
    <Gutter>
      <AttendancePage
        collection={collection}
        id={doc.id as number}
        title={String(doc.title ?? '')}
        language={language}
        sessions={choices}
        defaultIndex={defaultIndex}
        timezone={timezone}
        timezoneName={timezoneName}
        recorders={await recorderNames(req)}
      />
    </Gutter>
  )
}
