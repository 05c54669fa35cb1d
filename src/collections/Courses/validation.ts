import { validatePrice } from '../../fields/price'
import { isAfter } from '../../fields/validators'
import { calendarDay } from '../../utilities/calendarDay'
import { type KnowsLanguage, say } from '../../i18n/say'

type Data = Record<string, any>
type Options = { data: Data; siblingData: Data; req?: KnowsLanguage }

const dayAfter = (a: unknown, b: unknown) => {
  const dayA = calendarDay(a)
  const dayB = calendarDay(b)
  return dayA !== undefined && dayB !== undefined && dayA > dayB
}

export const validateEndDate = (value: unknown, { siblingData, req }: Options) =>
  !dayAfter(siblingData?.startDate, value) || say(req, { es: 'La fecha de fin no puede ser anterior a la de inicio.', en: 'The end date cannot be before the start date.' })

export const validateEarlyBirdPrice = (value: number | null | undefined, { siblingData, req }: Options) => {
  const basic = validatePrice(value, { siblingData, req })
  if (basic !== true) return basic
  const regular = siblingData?.regularPrice
  if (value !== null && value !== undefined && typeof regular === 'number' && value >= regular) {
    return say(req, { es: 'El precio preventa debe ser menor que el precio regular.', en: 'The early-bird price must be lower than the regular price.' })
  }
  return true
}

export const validateEarlyBirdDeadline = (value: unknown, { siblingData, req }: Options) =>
  !isAfter(value, siblingData?.startDate) ||
  say(req, { es: 'La fecha límite de preventa no puede ser posterior al inicio del curso.', en: 'The early-bird deadline cannot be after the course start date.' })

/** A module runs within its course: on or after the course start, on or before its end. */
export const validateModuleDate = (value: unknown, { data, req }: Options) => {
  if (dayAfter(data?.startDate, value)) return say(req, { es: 'Las fechas del módulo deben ser iguales o posteriores al inicio del curso.', en: 'Module dates must be on or after the course start date.' })
  if (dayAfter(value, data?.endDate)) return say(req, { es: 'Las fechas del módulo deben ser iguales o anteriores al fin del curso.', en: 'Module dates must be on or before the course end date.' })
  return true
}

export const validateModuleEndDate = (value: unknown, options: Options) => {
  if (dayAfter(options.siblingData?.startDate, value)) {
    return say(options.req, { es: 'La fecha de fin del módulo no puede ser anterior a su inicio.', en: 'The module end date cannot be before its start date.' })
  }
  return validateModuleDate(value, options)
}
