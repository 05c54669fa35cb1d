'use client'

import { useDocumentInfo, useTranslation } from '@payloadcms/ui'

import { emailPlanLabelsFor } from './labels'
import { useEmailPlan } from './useEmailPlan'

interface Row {
  rule: { id: number; name: string } | null
  templateLabel: string
  atLocal: string
  sessionName: string | null
  people: number
  sent: number
  queued: number
  cancelled: number
}
interface Plan {
  zoneName: string
  rows: Row[]
}

/**
 * "Correos programados" on a saved webinar or course: each rule's email at each of its moments, in
 * the item's zone, with how many people get it and what the log holds (`GET …/:id/email-plan`).
 */
export function ItemEmailPlan() {
  const { id, collectionSlug } = useDocumentInfo()
  const { i18n } = useTranslation()
  const t = emailPlanLabelsFor(i18n.language)
  const { plan, failed, hidden } = useEmailPlan<Plan>(collectionSlug, id)
  if (hidden) return null
  return (
    <section className="aula-email-plan" aria-label={t.itemHeading} data-email-plan>
      <h4>{t.itemHeading}</h4>
      {!id ? <p className="aula-email-plan__hint">{t.saveFirst}</p> : null}
      {id && !plan && !failed ? <p>{t.loading}</p> : null}
      {failed ? <p role="alert">{t.failed}</p> : null}
      {plan ? (
        <>
          <p className="aula-email-plan__hint">{t.zone(plan.zoneName)}</p>
          {plan.rows.length === 0 ? <p>{t.empty}</p> : null}
          <ol className="aula-email-plan__rows">
            {plan.rows.map((row, index) => (
              <li key={index} data-email-plan-row>
                <strong>{row.atLocal}</strong>
                <span>
                  {row.rule?.name ?? t.noRule} — {row.templateLabel}
                  {row.sessionName ? ` (${row.sessionName})` : ''}
                </span>
                <span className="aula-email-plan__hint">
                  {t.people}: {row.people} · {t.counts(row.sent, row.queued, row.cancelled)}
                </span>
              </li>
            ))}
          </ol>
        </>
      ) : null}
      <style>{`
        .aula-email-plan { margin-bottom: 1.5rem; }
        .aula-email-plan h4 { margin: 0 0 .5rem; }
        .aula-email-plan__rows { list-style: none; padding: 0; margin: 0; display: flex; flex-direction: column; gap: .6rem; }
        .aula-email-plan__rows li { display: flex; flex-direction: column; gap: .1rem; }
        .aula-email-plan__hint { color: var(--theme-elevation-600); margin: 0 0 .4rem; }
      `}</style>
    </section>
  )
}
