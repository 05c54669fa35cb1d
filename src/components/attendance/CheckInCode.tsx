'use client'
import { Button } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { send } from './api'
import { attendanceLabels } from './labels'

interface CodeInfo {
  code: string
  state: 'open' | 'not_open' | 'closed'
  opensAtText: string
  closesAtText: string
  url: string
  qr: string
}

/** The session's check-in code and its QR, big enough to be read from the back of the room. Fetched only when asked for. */
export function CheckInCode({ url, language }: { url: string; language: string }) {
  const t = attendanceLabels(language)
  const [shown, setShown] = useState(false)
  const [info, setInfo] = useState<CodeInfo | null>(null)
  const [error, setError] = useState('')

  useEffect(() => {
    setInfo(null)
    setError('')
    if (!shown) return
    let current = true
    send(url)
      .then((body) => current && setInfo(body as CodeInfo))
      .catch((failure) => current && setError((failure as Error).message))
    return () => {
      current = false
    }
  }, [url, shown])

  return (
    <section className="aula-attendance__panel" data-check-in>
      <div className="aula-attendance__bar">
        <h3>{t.checkInTitle}</h3>
        <Button buttonStyle="secondary" size="medium" margin={false} onClick={() => setShown(!shown)}>
          {shown ? t.checkInHide : t.checkInShow}
        </Button>
      </div>
      {shown && error ? <p className="aula-attendance__error">{error}</p> : null}
      {shown && info ? (
        <div className="aula-attendance__code">
          <img src={info.qr} alt={t.qrAlt} width={240} height={240} />
          <div>
            <p className="aula-attendance__digits" data-code>
              {info.code.slice(0, 3)} {info.code.slice(3)}
            </p>
            <p>
              <strong>{t.checkInStates[info.state]}</strong> · {t.checkInWindow(info.opensAtText, info.closesAtText)}
            </p>
            <p className="aula-attendance__muted">{t.checkInHelp}</p>
            <p className="aula-attendance__muted aula-attendance__url" data-check-in-url>
              {info.url}
            </p>
          </div>
        </div>
      ) : null}
    </section>
  )
}
