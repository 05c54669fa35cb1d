import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'

import { checkRole } from '../../access'
import { say } from '../../i18n/say'
import { findInactivePeople, yearsBefore } from '../../privacy/retention/inactive'
import { MAX_INACTIVITY_YEARS } from '../../privacy/retention/endpoints'
import { getBusinessSettings } from '../../settings/businessSettings'
import { getPrivacySettings } from '../../settings/privacySettings'
import { getClock } from '../../utilities/clock'
import { formatLocalDate } from '../../utilities/localTime'
import { RetentionBulkErase } from './RetentionBulkErase'

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

/**
 * `/admin/privacy` (admins): how many people had no activity for N years (the privacy settings' number
 * unless `?years=` says otherwise), the first 50 of them, and the bulk erase (src/privacy/retention).
 */
export async function RetentionView({ initPageResult, params, searchParams, viewActions }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult
  const t = (text: { es: string; en: string }) => say(req, text)
  const isAdmin = checkRole(['admin'], req.user)
  const requested = Number(first(searchParams?.years))
  const years = Number.isInteger(requested) && requested >= 1 && requested <= MAX_INACTIVITY_YEARS ? requested : (await getPrivacySettings(req.payload, req)).inactivityYears
  const { timezone } = await getBusinessSettings(req.payload, req)
  const cutoff = yearsBefore(getClock(req.payload).now(), years)
  const data = isAdmin ? await findInactivePeople(req, cutoff, 50) : null
  const admin = req.payload.config.routes.admin
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
      // The header's actions (the notification bell) come with the view's props; without them a custom view has none.
      viewActions={viewActions}
    >
      <Gutter className="aula-privacy">
        <h1>{t({ es: 'Privacidad: personas sin actividad', en: 'Privacy: inactive people' })}</h1>
        {!data ? (
          <p>{t({ es: 'Solo los administradores ven esta página.', en: 'Only admins see this page.' })}</p>
        ) : (
          <>
            <form method="get" style={{ margin: '16px 0' }}>
              <label htmlFor="retention-years">{t({ es: 'Sin actividad desde hace (años): ', en: 'No activity for (years): ' })}</label>
              <input id="retention-years" name="years" type="number" min={1} max={MAX_INACTIVITY_YEARS} defaultValue={years} style={{ width: 80 }} />{' '}
              <button type="submit" className="btn btn--style-secondary btn--size-small">
                {t({ es: 'Ver', en: 'Show' })}
              </button>
            </form>
            <p data-retention-total={data.total}>
              {t({
                es: `${data.total} personas sin actividad desde el ${formatLocalDate(cutoff, timezone)} (ni acceso, inscripción, pago, interacción comercial ni correo enviado). El equipo no se cuenta.`,
                en: `${data.total} people with no activity since ${formatLocalDate(cutoff, timezone)} (no login, enrollment, payment, sales interaction or email sent). Staff are not counted.`,
              })}
            </p>
            {data.people.length ? (
              <table className="table" style={{ width: '100%', marginBottom: 24 }}>
                <thead>
                  <tr>
                    <th>{t({ es: 'Nombre', en: 'Name' })}</th>
                    <th>{t({ es: 'Correo', en: 'Email' })}</th>
                    <th>{t({ es: 'Tipo', en: 'Kind' })}</th>
                    <th>{t({ es: 'Última actividad', en: 'Last activity' })}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.people.map((person) => (
                    <tr key={`${person.kind}-${person.id}`} data-retention-person={person.email}>
                      <td>
                        <a href={`${admin}/collections/${person.kind === 'user' ? 'users' : 'leads'}/${person.id}`}>{person.name || '—'}</a>
                      </td>
                      <td>{person.email}</td>
                      <td>{person.kind === 'user' ? t({ es: 'Cuenta', en: 'Account' }) : t({ es: 'Prospecto', en: 'Lead' })}</td>
                      <td>{formatLocalDate(person.lastActivityAt, timezone)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {data.total > data.people.length ? <p>{t({ es: `Se muestran las primeras ${data.people.length}.`, en: `Showing the first ${data.people.length}.` })}</p> : null}
            <RetentionBulkErase years={years} total={data.total} />
          </>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
