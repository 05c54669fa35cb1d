'use client'

import { useFormFields, useRowLabel, useTranslation } from '@payloadcms/ui'

import { isTimeZone } from '../utilities/isoCodes'
import { formatLocalDate } from '../utilities/localTime'
import { useBusinessTimeZone } from './dates/businessTimeZoneContext'

type ModuleRow = { moduleNumber?: number | null; title?: string | null }

/** "Módulo 2 — Fundamentos" on each collapsed module, so staff find a module without opening it. */
export const ModuleRowLabel = () => {
  const { data, rowNumber } = useRowLabel<ModuleRow>()
  const { i18n } = useTranslation()
  const word = i18n.language === 'en' ? 'Module' : 'Módulo'
  const number = data?.moduleNumber ?? (rowNumber ?? 0) + 1
  return <span>{data?.title ? `${word} ${number} — ${data.title}` : `${word} ${number}`}</span>
}

type SessionRow = { date?: string | null; name?: string | null }

/**
 * "12/01/2027 — Introducción": a session is found by its day (day first, in the course's zone, as
 * its date field shows it, else the business's; never the laptop's) and its name; "Sesión 3" until
 * either is filled in.
 */
export const SessionRowLabel = () => {
  const { data, rowNumber } = useRowLabel<SessionRow>()
  const { i18n } = useTranslation()
  const businessZone = useBusinessTimeZone()
  const courseZone = useFormFields(([fields]) => fields.timezone?.value)
  const day = formatLocalDate(data?.date ?? null, isTimeZone(courseZone) ? courseZone : businessZone)
  const text = [day, data?.name?.trim()].filter(Boolean).join(' — ')
  return <span data-session-label>{text || `${i18n.language === 'en' ? 'Session' : 'Sesión'} ${(rowNumber ?? 0) + 1}`}</span>
}
