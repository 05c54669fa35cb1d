'use client'
import { useFormFields, useTranslation } from '@payloadcms/ui'
import type React from 'react'

import { variableLabel } from '../../email/variableLabels'

/** What a picked variable reads as inside the text: its name in the staff member's language, in guillemets. */
export const VariableChip: React.FC = () => {
  const { i18n } = useTranslation()
  const name = useFormFields(([fields]) => fields.variable?.value)
  if (typeof name !== 'string' || !name) return <span>Variable</span>
  return (
    <span title={`{{${name}}}`} data-variable={name}>
      «{variableLabel(name, i18n.language)}»
    </span>
  )
}
