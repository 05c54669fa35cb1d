import type { CollectionConfig } from 'payload'

import { isAdmin, isAdminOrSales } from '../../access'
import { redemptionsEndpoint } from './endpoints/redemptions'
import { couponFields } from './fields'
import { keepRedeemedCoupons } from './hooks/keepRedeemedCoupons'

/**
 * Discount codes (issue 18; rules in src/commerce/coupons, docs/selling.md, docs/decisions/0018).
 * Sales and admins manage them; nobody else lists or reads a coupon: the website only ever learns
 * whether the code a person typed works, through the price quote and the registration.
 */
export const Coupons: CollectionConfig = {
  slug: 'coupons',
  labels: {
    singular: { es: 'Cupón', en: 'Coupon' },
    plural: { es: 'Cupones', en: 'Coupons' },
  },
  admin: {
    group: { es: 'Pagos', en: 'Payments' },
    useAsTitle: 'code',
    defaultColumns: ['code', 'discountType', 'percentOff', 'amountOff', 'appliesTo', 'validUntil', 'maxRedemptions', 'active'],
  },
  // On an enrollment (depth ≥ 1), the code is what staff recognise; never the internal note or the redemptions list.
  defaultPopulate: { code: true },
  access: { read: isAdminOrSales, create: isAdminOrSales, update: isAdminOrSales, delete: isAdmin },
  hooks: { beforeDelete: [keepRedeemedCoupons] },
  endpoints: [redemptionsEndpoint],
  fields: couponFields,
  timestamps: true,
}
