'use client'
import { Button, toast, useAuth, useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation.js'
import { useEffect, useRef, useState } from 'react'

import { adminApiUrl } from '../../../components/adminApiUrl'
import { say } from '../../../i18n/say'

interface Seat {
  id: number
  label: string
}

/** The seats that can pass to someone else: the ones still held (src/enrollment/statuses.ts holdsSeat). */
const HELD = ['confirmed', 'pending_payment']

/**
 * "Cambiar asistente" in a group booking's sidebar (admins, editors, sales): the buyer phoned to say Luis
 * cannot come and Marta goes instead. `POST /api/bookings/:id/replace-attendee` passes the seat, its
 * price and payment to the new person, who gets the confirmation; the old one is told
 * (src/commerce/bookingChanges, docs/selling.md).
 */
export function ReplaceAttendee() {
  const { user } = useAuth<{ roles?: string[] }>()
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const router = useRouter()
  const language = useTranslation().i18n.language
  const [seats, setSeats] = useState<Seat[] | null>(null)
  const [busy, setBusy] = useState(false)
  // Not a <form>: this sits inside Payload's document form, and a nested form would submit that one instead.
  const box = useRef<HTMLDivElement>(null)
  const allowed = Boolean(id && user?.roles?.some((role) => ['admin', 'editor', 'sales'].includes(role)))
  const t = (es: string, en: string) => say(language, { es, en })

  const load = async () => {
    const query = `where[booking][equals]=${id}&where[status][in]=${HELD.join(',')}&depth=1&limit=100&sort=id`
    const response = await fetch(adminApiUrl(config, `/enrollments?${query}`), { credentials: 'include' })
    const answer = response.ok ? await response.json() : { docs: [] }
    setSeats(
      (answer.docs as { id: number; user?: { email?: string; firstName?: string; lastName?: string } }[]).map((doc) => ({
        id: doc.id,
        label: [doc.user?.firstName, doc.user?.lastName].filter(Boolean).join(' ') + (doc.user?.email ? ` <${doc.user.email}>` : ''),
      })),
    )
  }
  useEffect(() => {
    if (allowed) void load()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [allowed, id])
  if (!allowed || !seats?.length) return null

  const submit = async () => {
    const value = (name: string) => (box.current?.querySelector(`[name="replace-${name}"]`) as HTMLInputElement | HTMLSelectElement | null)?.value ?? ''
    const body = { enrollmentId: Number(value('enrollment')), attendee: { email: value('email'), firstName: value('firstName'), lastName: value('lastName') } }
    setBusy(true)
    try {
      const response = await fetch(adminApiUrl(config, `/bookings/${id}/replace-attendee`), {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      const answer = await response.json().catch(() => ({}))
      if (response.ok) {
        toast.success(t('Asistente cambiado: la nueva persona recibe la confirmación.', 'Attendee replaced: the new person gets the confirmation.'))
        await load()
        router.refresh()
      } else {
        toast.error(answer.errors?.[0]?.message ?? t(`No se pudo cambiar (${response.status}).`, `Could not replace (${response.status}).`))
      }
    } finally {
      setBusy(false)
    }
  }

  const label = { display: 'block', marginTop: 8, fontSize: 13 } as const
  const input = { width: '100%', padding: 6 } as const
  return (
    <div
      ref={box}
      role="group"
      aria-label={t('Cambiar asistente', 'Replace an attendee')}
      style={{ marginBottom: 24 }}
      onKeyDown={(event) => {
        // Enter replaces here instead of saving Payload's document form around it.
        if (event.key !== 'Enter' || (event.target as HTMLElement).tagName === 'BUTTON') return
        event.preventDefault()
        void submit()
      }}
    >
      <h4 style={{ margin: '0 0 4px' }}>{t('Cambiar asistente', 'Replace an attendee')}</h4>
      <p style={{ fontSize: 12, margin: 0 }}>
        {t('Hasta el inicio. El cupo y su pago pasan a la nueva persona.', 'Until the start. The seat and its payment pass to the new person.')}
      </p>
      <label style={label}>
        {t('Quién no asistirá', 'Who will not attend')}
        <select name="replace-enrollment" style={input}>
          {seats.map((seat) => (
            <option key={seat.id} value={seat.id}>
              {seat.label}
            </option>
          ))}
        </select>
      </label>
      <label style={label}>
        {t('Correo de quien asistirá', 'Email of who will attend')}
        <input name="replace-email" type="email" required maxLength={254} style={input} />
      </label>
      <label style={label}>
        {t('Nombre', 'First name')}
        <input name="replace-firstName" required maxLength={100} style={input} />
      </label>
      <label style={label}>
        {t('Apellidos', 'Last name')}
        <input name="replace-lastName" required maxLength={100} style={input} />
      </label>
      <div style={{ marginTop: 12 }}>
        <Button type="button" buttonStyle="primary" disabled={busy} onClick={submit}>
          {busy ? t('Cambiando…', 'Replacing…') : t('Cambiar asistente', 'Replace attendee')}
        </Button>
      </div>
    </div>
  )
}
