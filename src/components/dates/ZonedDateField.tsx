'use client'

import type { DateFieldClientProps } from 'payload'
import { getTranslation } from '@payloadcms/translations'
import { DatePicker, FieldDescription, FieldError, FieldLabel, RenderCustomComponent, fieldBaseClass, useField, useFormFields, useTranslation } from '@payloadcms/ui'
import { useCallback, useMemo } from 'react'

import { isTimeZone } from '../../utilities/isoCodes'
import { timeZoneName } from '../../utilities/localTime'
import { useBusinessTimeZone } from './businessTimeZoneContext'
import { fromPickerValue, isDateOnly, toPickerValue } from './zonedPickerValue'

type PickerProps = Omit<Parameters<typeof DatePicker>[0], 'onChange' | 'value'>

/**
 * Payload's date field, with one change: what staff type and read is the time in the business
 * zone (docs/decisions/0008), not the browser's, and the field says which zone that is. Whole-day
 * fields show the stored calendar day. The input is Payload's own picker with the field's
 * day-first format (src/fields/dates/dayFirstDates.ts).
 *
 * A field whose item has a zone of its own in another form field names it in
 * `admin.custom.timeZoneFrom` (a course session's date: `'timezone'`, the course's zone); the
 * picker then types and shows that zone's time, and follows it as soon as staff change it.
 */
export function ZonedDateField(props: DateFieldClientProps) {
  const { field, path: pathFromProps, readOnly, validate } = props
  const { admin: { className, date, description, placeholder } = {}, label, localized, required } = field
  const pickerProps = (date ?? {}) as PickerProps
  const businessTimeZone = useBusinessTimeZone()
  const zoneFieldPath = (field.admin?.custom as { timeZoneFrom?: string } | undefined)?.timeZoneFrom
  const itemTimeZone = useFormFields(([fields]) => (zoneFieldPath ? fields[zoneFieldPath]?.value : undefined))
  const timeZone = isTimeZone(itemTimeZone) ? itemTimeZone : businessTimeZone
  const { i18n } = useTranslation()
  const appearance = pickerProps?.pickerAppearance
  const memoizedValidate = useCallback(
    (value: unknown, options: Record<string, unknown>) => (typeof validate === 'function' ? validate(value as never, { ...options, required } as never) : true),
    [validate, required],
  )
  const { customComponents: { AfterInput, BeforeInput, Description, Error, Label } = {}, disabled, path, setValue, showError, value } = useField<string>({
    potentiallyStalePath: pathFromProps,
    validate: memoizedValidate as never,
  })
  const shown = useMemo(() => toPickerValue(value, timeZone, appearance), [value, timeZone, appearance])
  const onChange = useCallback(
    (picked: Date) => {
      if (!(readOnly || disabled)) setValue(fromPickerValue(picked, timeZone, appearance))
    },
    [readOnly, disabled, setValue, timeZone, appearance],
  )
  const zoneNote = isDateOnly(appearance) ? null : i18n.language === 'en' ? `${timeZoneName(timeZone)} time` : `hora de ${timeZoneName(timeZone)}`
  return (
    <div className={[fieldBaseClass, 'date-time-field', className, showError && 'date-time-field--has-error', (readOnly || disabled) && 'read-only'].filter(Boolean).join(' ')}>
      <RenderCustomComponent CustomComponent={Label} Fallback={<FieldLabel label={label} localized={localized} path={path} required={required} />} />
      <div className={`${fieldBaseClass}__wrap`} id={`field-${path.replace(/\./g, '__')}`}>
        <RenderCustomComponent CustomComponent={Error} Fallback={<FieldError path={path} showError={showError} />} />
        {BeforeInput}
        <DatePicker {...pickerProps} onChange={onChange} placeholder={placeholder ? String(getTranslation(placeholder as Record<string, string> | string, i18n)) : undefined} readOnly={readOnly || disabled} value={shown} />
        {zoneNote && (
          <span className="zoned-date-field__zone" data-time-zone={timeZone} style={{ fontSize: '0.85em', opacity: 0.75 }}>
            {zoneNote}
          </span>
        )}
        {AfterInput}
      </div>
      <RenderCustomComponent CustomComponent={Description} Fallback={<FieldDescription description={description} path={path} />} />
    </div>
  )
}
