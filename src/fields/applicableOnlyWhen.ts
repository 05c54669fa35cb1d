import type { Condition, Field, FieldHook } from 'payload'

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

/**
 * The same, applied to one field: the condition goes under `admin` (where Payload keeps it on the
 * server) and the hook joins the field's own. A `condition` spread beside `admin` instead is an unknown
 * property Payload copies into the browser's config, and a function there made every admin page a 500
 * (tests/int/admin-client-config.int.spec.ts).
 */
export function onlyApplicableWhen<F extends Field>(condition: Condition, field: F): F {
  const { hooks } = applicableOnlyWhen(condition)
  const own = field as F & { admin?: Record<string, unknown>; hooks?: { beforeChange?: FieldHook[] } }
  return { ...field, admin: { ...own.admin, condition }, hooks: { ...own.hooks, beforeChange: [...(own.hooks?.beforeChange ?? []), ...hooks.beforeChange] } }
}
