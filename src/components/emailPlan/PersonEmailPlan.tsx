'use client'

import { useDocumentInfo, useTranslation } from '@payloadcms/ui'

import { emailPlanLabelsFor } from './labels'
import { useEmailPlan } from './useEmailPlan'

interface Row {
  id: number
  templateLabel: string
  rule: { id: number; name: string } | null
  atLocal: string
  item: { title: string } | null
}
interface Plan {
  got: Row[]
  upcoming: Row[]
}

function Rows({ rows, none }: { rows: Row[]; none: string }) {
  if (!rows.length) return <p>{none}</p>
  return (
    <ol className="aula-person-email-plan__rows">
      {rows.map((row) => (
        <li key={row.id} data-person-email-row>
          <strong>{row.atLocal}</strong> — {row.templateLabel}
          {row.item ? ` · ${row.item.title}` : ''}
          {row.rule ? ` · ${row.rule.name}` : ''}
        </li>
      ))}
    </ol>
  )
}

/** On a user's page: the emails they got and the ones still to come, each in its item's zone (`GET /api/users/:id/email-plan`). */
export function PersonEmailPlan() {
  const { id, collectionSlug } = useDocumentInfo()
  const { i18n } = useTranslation()
  const t = emailPlanLabelsFor(i18n.language)
  const { plan, failed, hidden } = useEmailPlan<Plan>(collectionSlug, id)
  if (!id || hidden) return null
  return (
    <section className="aula-person-email-plan" aria-label={t.personHeading} data-person-email-plan>
      <h3>{t.personHeading}</h3>
      {!plan && !failed ? <p>{t.loading}</p> : null}
      {failed ? <p role="alert">{t.failed}</p> : null}
      {plan ? (
        <>
          <h4>{t.upcoming}</h4>
          <Rows rows={plan.upcoming} none={t.none} />
          <h4>{t.got}</h4>
          <Rows rows={plan.got} none={t.none} />
        </>
      ) : null}
      <style>{`
        .aula-person-email-plan { margin: 1.5rem 0; }
        .aula-person-email-plan__rows { padding-left: 1.2rem; margin: 0 0 1rem; }
      `}</style>
    </section>
  )
}
