import { EmailTemplatePreview as EmailTemplatePreview_9dabaf5669270a96dcc5e642ccd7a605 } from '../../../../src/components/EmailTemplatePreview'
import { ResendEmailButton as ResendEmailButton_d08a78ae21a2f621ad99190e23c0383d } from '../../../../src/components/ResendEmailButton'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/src/components/EmailTemplatePreview#EmailTemplatePreview": EmailTemplatePreview_9dabaf5669270a96dcc5e642ccd7a605,
  "/src/components/ResendEmailButton#ResendEmailButton": ResendEmailButton_d08a78ae21a2f621ad99190e23c0383d,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
