'use client'

import { NumberField, useFormFields, useTranslation } from '@payloadcms/ui'
import type { NumberFieldClientComponent } from 'payload'

import { formatPrice } from './formatPrice'

/** A price input that reads its amount back with the currency chosen beside it ("350,00 PEN"). */
export const PriceField: NumberFieldClientComponent = (props) => {
  const { i18n } = useTranslation()
  const currencyPath = props.path.includes('.') ? props.path.replace(/[^.]+$/, 'currency') : 'currency'
  const currency = useFormFields(([fields]) => fields[currencyPath]?.value)
  const amount = useFormFields(([fields]) => fields[props.path]?.value)
  const text = formatPrice(amount, currency, i18n.language)
  return (
    <div className="aula-price-field">
      <NumberField {...props} />
      {text ? (
        <p className="field-description" data-price-readback>
          {text}
        </p>
      ) : null}
    </div>
  )
}
