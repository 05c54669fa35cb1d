'use client'

import { useTranslation } from '@payloadcms/ui'
import type { DefaultCellComponentProps } from 'payload'

import { formatPrice } from './formatPrice'

/** A price column with its row's currency: "350,00 PEN", an empty cell when there is no price. */
export const PriceCell = ({ cellData, rowData }: DefaultCellComponentProps) => {
  const { i18n } = useTranslation()
  return <span data-price-cell>{formatPrice(cellData, (rowData as { currency?: unknown })?.currency, i18n.language)}</span>
}
