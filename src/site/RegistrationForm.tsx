'use client'

import { useState, type FormEvent } from 'react'

import { siteCopy } from './copy'
import type { ItemKind } from './items'
import type { SiteLanguage } from './theme'

type FieldName = 'firstName' | 'lastName' | 'email' | 'company' | 'couponCode'
type Outcome = { status: 'confirmed' | 'waitlisted' } | { status: 'pending_payment'; checkoutUrl: string | null } | { status: 'failed'; message: string }
type ApiErrors = { errors?: { message?: string; data?: { errors?: { path?: string; message?: string }[] } }[] }
type Quote = { currency: string; amount: number; coupon: null | { valid: boolean; applied?: boolean; message?: string } }

const FIELDS: { name: FieldName; type: string; required: boolean; autoComplete: string }[] = [
  { name: 'firstName', type: 'text', required: true, autoComplete: 'given-name' },
  { name: 'lastName', type: 'text', required: true, autoComplete: 'family-name' },
  { name: 'email', type: 'email', required: true, autoComplete: 'email' },
  { name: 'company', type: 'text', required: false, autoComplete: 'organization' },
]

const fieldErrorsOf = (body: ApiErrors) =>
  Object.fromEntries((body.errors?.[0]?.data?.errors ?? []).filter((problem) => problem.path).map((problem) => [problem.path!, problem.message ?? ''])) as Partial<Record<FieldName, string>>

/**
 * The form posts from the visitor's browser straight to the public endpoint (same origin), as the
 * API docs show a website doing it: the API's rate limits then count this visitor, not the site's
 * server, and the Idempotency-Key is made where the click happens (a double click registers once).
 * The page's language goes as Accept-Language, so the API's messages come back in it.
 */
export function RegistrationForm({ kind, itemId, lang, paid }: { kind: ItemKind; itemId: number; lang: SiteLanguage; paid: boolean }) {
  const text = siteCopy[lang]
  const [values, setValues] = useState<Record<FieldName, string>>({ firstName: '', lastName: '', email: '', company: '', couponCode: '' })
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({})
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [quote, setQuote] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const headers = { 'content-type': 'application/json', 'accept-language': lang }

  const change = (name: FieldName) => (event: { target: { value: string } }) => setValues((before) => ({ ...before, [name]: event.target.value }))

  /** A code that does not exist or does not apply is said under the field; one that applies, as the price to pay. */
  async function previewCoupon() {
    setQuote(null)
    const query = new URLSearchParams({ couponCode: values.couponCode.trim() })
    const response = await fetch(`/api/${kind}/${itemId}/price?${query}`, { headers })
    const body = (await response.json()) as Quote & ApiErrors
    const refusal = !response.ok ? (fieldErrorsOf(body).couponCode ?? body.errors?.[0]?.message ?? text.problem) : body.coupon && !body.coupon.valid ? body.coupon.message : undefined
    setErrors((before) => ({ ...before, couponCode: refusal }))
    if (refusal) return
    const price = new Intl.NumberFormat(lang === 'es' ? 'es-PE' : 'en-US', { style: 'currency', currency: body.currency }).format(body.amount)
    setQuote(body.coupon?.applied ? text.couponPrice(price) : (body.coupon?.message ?? null))
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    setSending(true)
    setErrors({})
    try {
      const person = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, value.trim()]).filter(([, value]) => value))
      const response = await fetch(`/api/${kind}/${itemId}/${kind === 'webinars' ? 'register' : 'enroll'}`, {
        method: 'POST',
        headers: { ...headers, 'idempotency-key': crypto.randomUUID() },
        body: JSON.stringify(person),
      })
      const body = await response.json()
      if (response.ok) {
        const doc = body.doc as { status: string; checkoutUrl?: string }
        setOutcome(doc.status === 'pending_payment' ? { status: 'pending_payment', checkoutUrl: doc.checkoutUrl ?? null } : { status: doc.status === 'waitlisted' ? 'waitlisted' : 'confirmed' })
      } else {
        setErrors(fieldErrorsOf(body))
        setOutcome({ status: 'failed', message: (body as ApiErrors).errors?.[0]?.message ?? text.problem })
      }
    } catch {
      setOutcome({ status: 'failed', message: text.unavailable })
    } finally {
      setSending(false)
    }
  }

  if (outcome && outcome.status !== 'failed') {
    return (
      <div className="notice" role="status" data-registration-outcome={outcome.status}>
        <p className="ok">{outcome.status === 'confirmed' ? text.confirmed : outcome.status === 'waitlisted' ? text.waitlisted : text.pendingPayment}</p>
        {outcome.status === 'pending_payment' && outcome.checkoutUrl ? <a href={outcome.checkoutUrl}>{text.payNow}</a> : null}
      </div>
    )
  }

  const fieldError = (name: FieldName) =>
    errors[name] ? (
      <p className="error" id={`${name}-error`} data-field-error={name}>
        {errors[name]}
      </p>
    ) : null

  return (
    <form onSubmit={submit} noValidate data-registration-form>
      {outcome?.status === 'failed' ? (
        <p className="error" role="alert">
          {text.problem} {outcome.message}
        </p>
      ) : null}
      {FIELDS.map((field) => (
        <div key={field.name}>
          <label htmlFor={field.name}>{text[field.name]}</label>
          <input
            id={field.name}
            name={field.name}
            type={field.type}
            required={field.required}
            autoComplete={field.autoComplete}
            maxLength={field.name === 'email' ? 254 : 100}
            value={values[field.name]}
            onChange={change(field.name)}
            aria-invalid={Boolean(errors[field.name])}
            aria-describedby={errors[field.name] ? `${field.name}-error` : undefined}
          />
          {fieldError(field.name)}
        </div>
      ))}
      {paid ? (
        <div>
          <label htmlFor="couponCode">{text.couponTitle}</label>
          <div className="inline">
            <input id="couponCode" name="couponCode" placeholder={text.couponCode} maxLength={64} value={values.couponCode} onChange={change('couponCode')} aria-invalid={Boolean(errors.couponCode)} />
            <button type="button" onClick={previewCoupon} disabled={!values.couponCode.trim()}>
              {text.couponCheck}
            </button>
          </div>
          {fieldError('couponCode')}
          {quote ? <p className="muted" data-coupon-quote>{quote}</p> : null}
        </div>
      ) : null}
      <button type="submit" disabled={sending}>
        {sending ? text.sending : text.send}
      </button>
    </form>
  )
}
