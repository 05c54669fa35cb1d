'use client'
import { SelectField, useDocumentForm } from '@payloadcms/ui'
import type { OptionObject, SelectFieldClientComponent } from 'payload'

import { ALLOWED_VARIABLES, isEmailTemplateKey } from '../../email/templateVariables'

/**
 * The variable list inside the editor offers only what this template's email provides (its `key`,
 * read from the page's form: the block has a form of its own). The save checks it again.
 */
export const VariableSelect: SelectFieldClientComponent = (props) => {
  const documentForm = useDocumentForm()
  const key = documentForm?.getDataByPath?.('key')
  const options = (props.field.options ?? []) as OptionObject[]
  const allowed = isEmailTemplateKey(key) ? options.filter((option) => ALLOWED_VARIABLES[key].includes(option.value)) : options
  return <SelectField {...props} field={{ ...props.field, options: allowed }} />
}
