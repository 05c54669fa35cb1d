import type { Condition, FieldHook } from 'payload'

/**
 * For a field that means something only in some cases (a price when the webinar is not free, a
 * percentage on a percentage coupon): the admin hides it otherwise, and the server stores nothing in
 * it otherwise. Payload skips a field's validation while its condition is false, so without the
 * second half any value sent through the API was stored unchecked, and the next edit that made the
 * field apply failed on a value nobody could see being typed.
 */
export function applicableOnlyWhen(condition: Condition) {
  const clearWhenNotApplicable: FieldHook = ({ value, data, siblingData, operation, req }) =>
    condition(data ?? {}, siblingData ?? {}, { operation, user: req.user, path: [], blockData: undefined } as never) ? value : null
  return { condition, hooks: { beforeChange: [clearWhenNotApplicable] } }
}
