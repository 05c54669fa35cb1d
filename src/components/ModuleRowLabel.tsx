'use client'

import { useRowLabel, useTranslation } from '@payloadcms/ui'

type ModuleRow = { moduleNumber?: number | null; title?: string | null }

/** "Módulo 2 — Fundamentos" on each collapsed module, so staff find a module without opening it. */
export const ModuleRowLabel = () => {
  const { data, rowNumber } = useRowLabel<ModuleRow>()
  const { i18n } = useTranslation()
  const word = i18n.language === 'en' ? 'Module' : 'Módulo'
  const number = data?.moduleNumber ?? (rowNumber ?? 0) + 1
  return <span>{data?.title ? `${word} ${number} — ${data.title}` : `${word} ${number}`}</span>
}
