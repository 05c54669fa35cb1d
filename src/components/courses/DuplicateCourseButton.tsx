'use client'

import { Button, toast, useConfig, useDocumentInfo, useFormFields, useFormModified, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation.js'
import { useState } from 'react'

import { adminApiUrl } from '../adminApiUrl'
import { duplicateLabelsFor } from './duplicateLabels'

const DAY_MS = 86_400_000

/** A week after the course ends, in whole weeks: the next run on the same weekdays. */
const suggestedShift = (start: unknown, end: unknown) => {
  const from = typeof start === 'string' ? Date.parse(start) : NaN
  const to = typeof end === 'string' ? Date.parse(end) : NaN
  if (Number.isNaN(from) || Number.isNaN(to) || to < from) return 7
  return Math.ceil((Math.round((to - from) / DAY_MS) + 1) / 7) * 7
}

const shiftedDay = (value: unknown, days: number) => {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) return null
  // Course dates are whole days: their UTC day is the day staff picked.
  return new Date(Date.parse(value) + days * DAY_MS).toISOString().slice(0, 10).split('-').reverse().join('/')
}

/**
 * On a saved course: "Duplicar curso" asks how many days to move every date and creates the new
 * run through `POST /api/courses/:id/duplicate`, then opens it.
 */
export function DuplicateCourseButton() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const router = useRouter()
  const modified = useFormModified()
  const startDate = useFormFields(([fields]) => fields.startDate?.initialValue)
  const endDate = useFormFields(([fields]) => fields.endDate?.initialValue)
  const [open, setOpen] = useState(false)
  const [shift, setShift] = useState('')
  const [busy, setBusy] = useState(false)
  if (!id) return null
  const t = duplicateLabelsFor(i18n.language)
  const shiftDays = shift.trim() === '' ? NaN : Number(shift)
  const newStart = Number.isInteger(shiftDays) ? shiftedDay(startDate, shiftDays) : null
  const openDialog = () => {
    setShift(String(suggestedShift(startDate, endDate)))
    setOpen(true)
  }

  const duplicate = async () => {
    setBusy(true)
    try {
      const response = await fetch(adminApiUrl(config, `/courses/${id}/duplicate`), {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        // Sent as typed: the endpoint names `shiftDays` in its 400 if it is not a whole number of days.
        body: JSON.stringify({ shiftDays: shift }),
      })
      const body = await response.json().catch(() => ({}))
      if (!response.ok) {
        toast.error(body.errors?.[0]?.data?.errors?.[0]?.message ?? body.errors?.[0]?.message ?? `Error ${response.status}`)
        return
      }
      toast.success(t.done(body.doc?.title ?? ''))
      setOpen(false)
      router.push(`${config.routes.admin}/collections/courses/${body.doc.id}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="aula-duplicate-course">
      <Button buttonStyle="secondary" size="medium" onClick={openDialog} id="aula-duplicate-course">
        {t.button}
      </Button>
      {open ? (
        <div className="aula-duplicate-course__backdrop" role="presentation">
          <div className="aula-duplicate-course__dialog" role="dialog" aria-modal="true" aria-labelledby="aula-duplicate-course-title">
            <h3 id="aula-duplicate-course-title">{t.title}</h3>
            <p>{t.explain}</p>
            {modified ? <p className="aula-duplicate-course__warning">{t.unsaved}</p> : null}
            <label htmlFor="aula-duplicate-shift-days">{t.shiftLabel}</label>
            <input
              id="aula-duplicate-shift-days"
              name="shiftDays"
              type="number"
              step={1}
              value={shift}
              onChange={(event) => setShift(event.target.value)}
            />
            <p className="aula-duplicate-course__hint">{t.shiftHint}</p>
            {newStart ? <p data-new-start>{t.newStart(newStart)}</p> : null}
            <div className="aula-duplicate-course__actions">
              <Button buttonStyle="primary" disabled={busy || shift.trim() === ''} onClick={duplicate} id="aula-duplicate-course-confirm">
                {t.confirm}
              </Button>
              <Button buttonStyle="secondary" disabled={busy} onClick={() => setOpen(false)}>
                {t.cancel}
              </Button>
            </div>
          </div>
        </div>
      ) : null}
      <style>{`
        .aula-duplicate-course__backdrop { position: fixed; inset: 0; background: rgba(0,0,0,.4); z-index: 100; display: flex; align-items: center; justify-content: center; }
        .aula-duplicate-course__dialog { background: var(--theme-elevation-0); color: var(--theme-text); padding: 1.5rem; border-radius: 6px; width: min(32rem, 92vw); display: flex; flex-direction: column; gap: .5rem; }
        .aula-duplicate-course__dialog input { padding: .5rem; border: 1px solid var(--theme-elevation-250); border-radius: 4px; background: var(--theme-input-bg); color: var(--theme-text); width: 8rem; }
        .aula-duplicate-course__hint { color: var(--theme-elevation-600); font-size: .85rem; margin: 0; }
        .aula-duplicate-course__warning { color: var(--theme-warning-750); }
        .aula-duplicate-course__actions { display: flex; gap: .5rem; }
        .aula-duplicate-course__actions .btn { margin: 0; }
      `}</style>
    </div>
  )
}
