import type { Field } from 'payload'

/**
 * What staff may change for many enrollments at once in the admin's bulk edit: attendance and the
 * staff note. Status, payment status, amounts and the person or item go through their own actions
 * (cancel, refund, the seat rules), one enrollment at a time, so bulk edit never offers them, and
 * a field added later stays out of it until it is listed here.
 */
export const BULK_EDITABLE_ENROLLMENT_FIELDS: readonly string[] = ['attended', 'staffNote']

export const onlyBulkEditable = (fields: Field[]): Field[] =>
  fields.map((field) => {
    if ('fields' in field && !('name' in field)) return { ...field, fields: onlyBulkEditable(field.fields) } as Field
    if ('name' in field && BULK_EDITABLE_ENROLLMENT_FIELDS.includes(field.name)) return field
    return { ...field, admin: { ...field.admin, disableBulkEdit: true } } as Field
  })
