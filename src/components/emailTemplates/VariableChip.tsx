'use client'
import { useFormFields, useTranslation } from '@payloadcms/ui'
import type React from 'react'

import { variableLabel } from '../../email/variableLabels'

/**
 * What a picked variable reads as inside the text: its name in the staff member's language, in guillemets.
 * Payload shows it once the new block's form has come from the server (`data-variable-chip`): a pick
 * saved before then is overwritten by that late answer, so the browser test waits for it as a person sees it.
 */
export const VariableChip: React.FC = () => {
  const { i18n } = useTranslation()
  const name = useFormFields(([fields]) => fields.variable?.value)
  if (typeof name !== 'string' || !name) return <span data-variable-chip>Variable</span>
  return (
    <span title={`{{${name}}}`} data-variable-chip data-variable={name}>
      «{variableLabel(name, i18n.language)}»
    </span>
  )
}
