import type { FlattenedField, Payload } from 'payload'

import { fastPathCovers } from '../config/fastPaths'

/**
 * The enrollments fields `createEnrollment` was written (and its parity test run) against: what changes
 * how Payload's create writes and reads a field back — type, `hasMany`, default, `virtual`, the field's
 * own hooks. A process whose config differs (a field added, a default changed, a hook on a field) creates
 * enrollments through Payload, with a warning, and tests/int/registration-fast-path.int.spec.ts fails until
 * the fast path and this list are brought up to it. The collection's own hooks are not listed: the fast
 * path runs whichever the config holds.
 */
export const ENROLLMENT_SHAPE_WRITTEN: readonly string[] = [
  'user:relationship',
  'item:relationship',
  'status:select',
  'paymentStatus:select',
  'amount:number',
  'currency:text',
  'priceTier:select',
  'coupon:relationship',
  'listPrice:number',
  'discount:number:default=0',
  'attended:checkbox:default=false',
  'completionPercentage:number',
  'completedAt:date',
  'staffNote:textarea',
  'feedbackRating:number:beforeValidate×1',
  'feedbackAt:date:beforeValidate×1',
  'feedbackComment:textarea:beforeValidate×1',
  'cancelledAt:date',
  'cancellationReason:text',
  'source:select:default="admin"',
  'booking:relationship',
  'replacedBy:relationship',
  'replaces:relationship',
  'checkoutUrl:text:virtual',
  'holdExpiresAt:date:virtual',
  'bankTransfer:json:virtual',
  'activeKey:text',
  'idempotencyKey:text',
  'idempotencyRequest:text',
  'searchText:text:beforeChange×1',
  'updatedAt:date',
  'createdAt:date',
]

const count = (hooks: unknown[] | undefined, name: string) => (hooks?.length ? `${name}×${hooks.length}` : '')

const fieldMark = (field: FlattenedField): string => {
  const hooks = (field as { hooks?: Record<string, unknown[] | undefined> }).hooks ?? {}
  const defaultValue = 'defaultValue' in field ? field.defaultValue : undefined
  return [
    field.name,
    field.type,
    'hasMany' in field && field.hasMany ? 'many' : '',
    defaultValue === undefined ? '' : typeof defaultValue === 'function' ? 'default=function' : `default=${JSON.stringify(defaultValue)}`,
    'virtual' in field && field.virtual ? 'virtual' : '',
    count(hooks.beforeValidate, 'beforeValidate'),
    count(hooks.beforeChange, 'beforeChange'),
    count(hooks.afterRead, 'afterRead'),
    count(hooks.afterChange, 'afterChange'),
  ]
    .filter(Boolean)
    .join(':')
}

/** The enrollments config as the fast path sees it (see ENROLLMENT_SHAPE_WRITTEN). */
export const enrollmentShape = (payload: Payload): string[] => payload.collections.enrollments.config.flattenedFields.map(fieldMark)

/** Whether this process's config is the one `createEnrollment` writes for (checked once per Payload). */
export const enrollmentShapeWritten = (payload: Payload): boolean =>
  fastPathCovers(
    payload,
    'enrollments',
    () => enrollmentShape(payload),
    ENROLLMENT_SHAPE_WRITTEN,
    'The enrollments config is not the one the registration fast path was written for: Payload creates every enrollment (src/enrollment/createEnrollmentCoverage.ts).',
  )
