'use client'
import { useConfig, useFormFields, useTranslation } from '@payloadcms/ui'
import type React from 'react'

/** On an enrollment's or payment's page: one click to the person's own page and their timeline. */
export const PersonTimelineLink: React.FC = () => {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const user = useFormFields(([fields]) => fields.user?.value)
  const id = user && typeof user === 'object' ? (user as { id?: unknown }).id : user
  if (id === null || id === undefined || id === '') return null
  const href = `${config.routes.admin.replace(/\/$/, '')}/collections/users/${id}#person-timeline`
  return (
    <p className="person-timeline-link">
      <a href={href} data-person-timeline-link>
        {i18n.language === 'en' ? 'See this person’s timeline →' : 'Ver el historial de esta persona →'}
      </a>
    </p>
  )
}
