import { validatePrice } from '../../fields/price'
import { isAfter } from '../../fields/validators'
import { calendarDay } from '../../utilities/calendarDay'

type Data = Record<string, any>
type Options = { data: Data; siblingData: Data }

const dayAfter = (a: unknown, b: unknown) => {
  const dayA = calendarDay(a)
  const dayB = calendarDay(b)
  return dayA !== undefined && dayB !== undefined && dayA > dayB
}

export const validateEndDate = (value: unknown, { siblingData }: Options) =>
  !dayAfter(siblingData?.startDate, value) || 'The end date cannot be before the start date.'

export const validateEarlyBirdPrice = (value: number | null | undefined, { siblingData }: Options) => {
  const basic = validatePrice(value, { siblingData })
  if (basic !== true) return basic
  const regular = siblingData?.regularPrice
  if (value !== null && value !== undefined && typeof regular === 'number' && value >= regular) {
    return 'The early-bird price must be lower than the regular price.'
  }
  return true
}

export const validateEarlyBirdDeadline = (value: unknown, { siblingData }: Options) =>
  !isAfter(value, siblingData?.startDate) || 'The early-bird deadline cannot be after the course start date.'

/** A module runs within its course: on or after the course start, on or before its end. */
export const validateModuleDate = (value: unknown, { data }: Options) => {
  if (dayAfter(data?.startDate, value)) return 'Module dates must be on or after the course start date.'
  if (dayAfter(value, data?.endDate)) return 'Module dates must be on or before the course end date.'
  return true
}

export const validateModuleEndDate = (value: unknown, options: Options) => {
  if (dayAfter(options.siblingData?.startDate, value)) return 'The module end date cannot be before its start date.'
  return validateModuleDate(value, options)
}
