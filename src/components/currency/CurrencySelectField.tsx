'use client'

import { SelectField, useField, useTranslation } from '@payloadcms/ui'
import type { TextFieldClientComponent } from 'payload'

import { currencyOptions } from './currencyOptions'
import { useDefaultCurrency } from './useDefaultCurrency'

/**
 * The currency as a list ("PEN — sol peruano") with the business's default first, instead of a
 * code to type. It still stores the 3-letter code in the same text column (src/fields/currency.ts).
 */
export const CurrencySelectField: TextFieldClientComponent = ({ field, path, readOnly }) => {
  const { i18n } = useTranslation()
  const defaultCurrency = useDefaultCurrency()
  const { value } = useField<string>({ path })
  const options = currencyOptions(defaultCurrency, i18n.language, value)
  return <SelectField field={{ ...field, type: 'select', hasMany: false, options } as never} path={path} readOnly={readOnly} />
}
