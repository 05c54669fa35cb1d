'use client'

import type { OptionObject, TextFieldClientProps } from 'payload'
import { SelectInput, useField } from '@payloadcms/ui'
import { useCallback, useMemo } from 'react'

import { TIME_ZONES } from '../../utilities/isoCodes'

const ZONE_OPTIONS: OptionObject[] = TIME_ZONES.map((zone) => ({ label: zone.replaceAll('_', ' '), value: zone }))

/**
 * A text field holding an IANA zone (a course's `timezone`), chosen from a list staff can search by
 * typing ("lima", "madrid") instead of spelling "America/Lima" by hand. Stored as the same text.
 */
export function TimeZoneSelectField(props: TextFieldClientProps) {
  const { field, path: pathFromProps, readOnly, validate } = props
  const { label, required, admin: { description } = {} } = field
  const memoizedValidate = useCallback(
    (value: unknown, options: Record<string, unknown>) => (typeof validate === 'function' ? validate(value as never, { ...options, required } as never) : true),
    [validate, required],
  )
  const { disabled, path, setValue, showError, value } = useField<string>({ potentiallyStalePath: pathFromProps, validate: memoizedValidate as never })
  // A zone stored before this list existed (or typed over the API) still shows as chosen.
  const options = useMemo(() => (value && !TIME_ZONES.includes(value) ? [{ label: value, value }, ...ZONE_OPTIONS] : ZONE_OPTIONS), [value])
  return (
    <SelectInput
      description={description as never}
      hasMany={false}
      // An optional zone (a person's own) can be emptied again: the event's zone then applies.
      isClearable={!required}
      label={label as never}
      name={field.name}
      onChange={(option) => {
        const picked = Array.isArray(option) ? option[0] : option
        if (readOnly || disabled) return
        if (picked) setValue(String(picked.value))
        else if (!required) setValue(null)
      }}
      options={options}
      path={path}
      readOnly={readOnly || disabled}
      required={required}
      showError={showError}
      value={value ?? undefined}
    />
  )
}
