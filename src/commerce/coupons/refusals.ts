import { ValidationError, type PayloadRequest } from 'payload'

import { say, type Bilingual } from '../../i18n/say'
import type { CouponRefusal } from './rules'

const MESSAGES: Record<CouponRefusal | 'used_up_by_person', Bilingual> = {
  unknown: { es: 'Este código de cupón no es válido.', en: 'This coupon code is not valid.' },
  not_yet_valid: { es: 'Este cupón todavía no está vigente.', en: 'This coupon is not valid yet.' },
  expired: { es: 'Este cupón ya venció.', en: 'This coupon has expired.' },
  not_for_this_item: { es: 'Este cupón no se aplica a este curso o webinar.', en: 'This coupon does not apply to this course or webinar.' },
  used_up: { es: 'Este cupón ya se usó todas las veces permitidas.', en: 'This coupon has been used as many times as allowed.' },
  used_up_by_person: { es: 'Esta persona ya usó este cupón todas las veces permitidas por persona.', en: 'This person has already used this coupon as many times as allowed per person.' },
}

export interface Refusal {
  reason: CouponRefusal
  /** True when it is the per-person limit that is reached (the reason is still `used_up`). */
  byPerson?: boolean
}

export const refusalMessage = (req: PayloadRequest, refusal: Refusal) => say(req, MESSAGES[refusal.byPerson ? 'used_up_by_person' : refusal.reason])

/** The 400 a registration gets for a code that gives no discount: on `couponCode`, with the reason as a word clients can test. */
export const couponCodeError = (req: PayloadRequest, refusal: Refusal) =>
  new ValidationError({
    collection: 'enrollments',
    req,
    errors: [{ path: 'couponCode', message: refusalMessage(req, refusal), reason: refusal.reason } as { path: string; message: string }],
  })
