import { APIError, type CollectionBeforeDeleteHook } from 'payload'

import { say } from '../../../i18n/say'

/**
 * An enrollment keeps the coupon it was sold with (its discount is on the receipt): a coupon anyone
 * has used is switched off, never deleted.
 */
export const keepRedeemedCoupons: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const { totalDocs } = await req.payload.count({ collection: 'enrollments', where: { coupon: { equals: id } }, overrideAccess: true, req })
  if (totalDocs > 0) {
    throw new APIError(
      say(req, {
        es: `Este cupón está en ${totalDocs} inscripción(es): desactívalo en lugar de borrarlo.`,
        en: `This coupon is on ${totalDocs} enrollment(s): switch it off instead of deleting it.`,
      }),
      409,
      undefined,
      true,
    )
  }
}
