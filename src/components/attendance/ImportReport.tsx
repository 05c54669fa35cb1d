'use client'
import { Button, toast } from '@payloadcms/ui'
import { useRef, useState } from 'react'

import { send } from './api'
import { attendanceLabels } from './labels'

interface Person {
  name: string
  email: string
  minutes: number
  present?: boolean
}

interface ImportAnswer {
  format: string
  sessionMinutes: number
  presentFromMinutes: number
  matched: Person[]
  unchanged: Person[]
  unmatched: Person[]
}

/** "Importar informe (CSV)": upload the meeting's report, then show what matched and the rows that matched nobody (as plain text). */
export function ImportReport({ url, language, onImported }: { url: string; language: string; onImported: () => Promise<void> }) {
  const t = attendanceLabels(language)
  const input = useRef<HTMLInputElement>(null)
  const [busy, setBusy] = useState(false)
  const [answer, setAnswer] = useState<ImportAnswer | null>(null)
  const [error, setError] = useState('')

  const upload = async () => {
    const file = input.current?.files?.[0]
    if (!file) return
    setBusy(true)
    setError('')
    const form = new FormData()
    form.append('file', file)
    try {
      const result = (await send(url, { method: 'POST', form })) as ImportAnswer
      setAnswer(result)
      toast.success(t.imported(result.matched.length, result.unchanged.length, result.unmatched.length))
      await onImported()
    } catch (failure) {
      setAnswer(null)
      setError((failure as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="aula-attendance__panel" data-attendance-import>
      <h3>{t.importTitle}</h3>
      <p className="aula-attendance__muted">{t.importHelp}</p>
      <div className="aula-attendance__bar">
        <input ref={input} type="file" accept=".csv,.tsv,.txt,text/csv" aria-label={t.importTitle} disabled={busy} />
        <Button buttonStyle="secondary" size="medium" margin={false} disabled={busy} onClick={upload}>
          {busy ? t.importing : t.importButton}
        </Button>
      </div>
      {error ? (
        <p className="aula-attendance__error" role="alert">
          {error}
        </p>
      ) : null}
      {answer ? (
        <div data-import-result>
          <p>
            <strong>{t.imported(answer.matched.length, answer.unchanged.length, answer.unmatched.length)}</strong> {t.presentFrom(answer.presentFromMinutes, answer.sessionMinutes)}
          </p>
          {answer.unmatched.length ? (
            <>
              <h4>{t.unmatchedTitle}</h4>
              <p className="aula-attendance__muted">{t.unmatchedHelp}</p>
              <table className="aula-attendance__table" data-unmatched>
                <thead>
                  <tr>
                    <th>{t.columns.name}</th>
                    <th>{t.columns.email}</th>
                    <th>{t.columns.minutes}</th>
                  </tr>
                </thead>
                <tbody>
                  {answer.unmatched.map((row, index) => (
                    <tr key={index}>
                      <td>{row.name}</td>
                      <td>{row.email}</td>
                      <td>{row.minutes}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  )
}
