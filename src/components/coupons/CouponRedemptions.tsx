'use client'
import { useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import type React from 'react'
import { useEffect, useState } from 'react'

import { adminApiUrl } from '../adminApiUrl'
import { formatPrice } from '../currency/formatPrice'

interface Summary {
  used: number
  pending: number
  maxRedemptions: number | null
  remaining: number | null
  discountGiven: { currency: string; amount: number }[]
}

/** On a coupon's page: how many uses it holds (what its limit counts) and the discount it has given. */
export const CouponRedemptions: React.FC = () => {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const en = i18n.language === 'en'
  const [summary, setSummary] = useState<Summary | null>(null)
  const [failed, setFailed] = useState(false)
  const api = adminApiUrl(config, `/coupons/${id}/redemptions`)

  useEffect(() => {
    if (!id) return
    fetch(api, { credentials: 'include' })
      .then(async (response) => (response.ok ? setSummary(await response.json()) : setFailed(true)))
      .catch(() => setFailed(true))
  }, [api, id])

  if (!id) return null
  if (failed) return <p role="alert">{en ? 'The uses could not be loaded.' : 'No se pudieron cargar los usos.'}</p>
  if (!summary) return null
  const given = summary.discountGiven.length
    ? summary.discountGiven.map((each) => formatPrice(each.amount, each.currency, i18n.language)).join(' · ')
    : formatPrice(0, null, i18n.language)
  return (
    <section data-coupon-redemptions aria-label={en ? 'Uses' : 'Usos'} style={{ marginBottom: '1.5rem' }}>
      <h4>{en ? 'Uses' : 'Usos'}</h4>
      <p data-coupon-used>
        {en ? 'Used' : 'Usado'}: <strong>{summary.used}</strong>
        {summary.maxRedemptions !== null ? ` / ${summary.maxRedemptions}` : en ? ' (no limit)' : ' (sin límite)'}
        {summary.pending > 0 ? (en ? ` — ${summary.pending} awaiting payment or on the waiting list` : ` — ${summary.pending} pendiente(s) de pago o en lista de espera`) : ''}
      </p>
      <p data-coupon-discount-given>
        {en ? 'Discount given' : 'Descuento otorgado'}: <strong>{given}</strong>
      </p>
    </section>
  )
}
