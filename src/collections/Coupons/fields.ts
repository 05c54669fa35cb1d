import type { Field } from 'payload'

import { COUPON_CODE, COUPON_CODE_MAX_LENGTH, normalizeCouponCode } from '../../commerce/coupons/code'
import { currencyField } from '../../fields/currency'
import { say } from '../../i18n/say'
import { MAX_MINOR_UNITS } from '../../payments/chargeLimits'
import { currencyDecimals } from '../../payments/money'
import { isCurrencyCode } from '../../utilities/isoCodes'
import { applicableOnlyWhen } from '../../fields/applicableOnlyWhen'

type Sibling = { siblingData?: Record<string, unknown>; req: Parameters<typeof say>[0] }

const isWholeNumberFrom1 = (value: unknown) => value === null || value === undefined || (typeof value === 'number' && Number.isSafeInteger(value) && value >= 1)

/** A fixed discount: above 0, no more decimals than the currency has, no more than any price can be. */
function isDiscountAmount(value: unknown, currency: unknown): boolean {
  const decimals = isCurrencyCode(currency) ? currencyDecimals(currency) : 2
  return typeof value === 'number' && Number.isFinite(value) && value > 0 && Number(value.toFixed(decimals)) === value && value <= MAX_MINOR_UNITS / 10 ** decimals
}


// Each of these means something only for one kind of coupon; otherwise hidden and stored empty.
const percentageOnly = applicableOnlyWhen((_, sibling) => sibling?.discountType !== 'fixed')
const fixedOnly = applicableOnlyWhen((_, sibling) => sibling?.discountType === 'fixed')
const forCategories = applicableOnlyWhen((_, sibling) => sibling?.appliesTo === 'categories')
const forItems = applicableOnlyWhen((_, sibling) => sibling?.appliesTo === 'items')

export const couponFields: Field[] = [
  {
    name: 'code',
    type: 'text',
    required: true,
    unique: true,
    maxLength: COUPON_CODE_MAX_LENGTH,
    label: { es: 'Código', en: 'Code' },
    admin: {
      description: {
        es: 'Lo que la persona escribe al comprar. Se guarda en mayúsculas: "verano25" y "VERANO25" son el mismo cupón. De 3 a 40 letras (A–Z), números, guiones o guiones bajos.',
        en: 'What the buyer types. Stored upper-case: "summer25" and "SUMMER25" are the same coupon. 3 to 40 letters (A–Z), digits, hyphens or underscores.',
      },
    },
    // Stored normalized, so the unique index is case-insensitive and lookups are one exact match.
    hooks: { beforeValidate: [({ value }) => (typeof value === 'string' ? normalizeCouponCode(value) : value)] },
    validate: (value: unknown, { req }: Sibling) =>
      (typeof value === 'string' && COUPON_CODE.test(value)) ||
      say(req, { es: 'El código debe tener de 3 a 40 letras (A–Z), números, guiones o guiones bajos, sin espacios ni tildes.', en: 'The code must be 3 to 40 letters (A–Z), digits, hyphens or underscores, with no spaces or accents.' }),
  },
  {
    type: 'row',
    fields: [
      {
        name: 'discountType',
        type: 'select',
        required: true,
        defaultValue: 'percentage',
        options: [
          { value: 'percentage', label: { es: 'Porcentaje', en: 'Percentage' } },
          { value: 'fixed', label: { es: 'Importe fijo', en: 'Fixed amount' } },
        ],
        label: { es: 'Tipo de descuento', en: 'Discount type' },
      },
      {
        name: 'percentOff',
        type: 'number',
        label: { es: 'Descuento (%)', en: 'Discount (%)' },
        admin: { condition: percentageOnly.condition, step: 1 },
        hooks: percentageOnly.hooks,
        validate: (value: unknown, { siblingData, req }: Sibling) => {
          if (siblingData?.discountType === 'fixed') return value === null || value === undefined || say(req, { es: 'Un cupón de importe fijo no lleva porcentaje.', en: 'A fixed-amount coupon takes no percentage.' })
          if (typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= 100 && Number(value.toFixed(2)) === value) return true
          return say(req, { es: 'Indica un porcentaje mayor que 0 y hasta 100 (como máximo 2 decimales).', en: 'Enter a percentage above 0 and up to 100 (at most 2 decimals).' })
        },
      },
      {
        name: 'amountOff',
        type: 'number',
        label: { es: 'Descuento (importe)', en: 'Discount (amount)' },
        admin: { condition: fixedOnly.condition },
        hooks: fixedOnly.hooks,
        validate: (value: unknown, { siblingData, req }: Sibling) => {
          if (siblingData?.discountType !== 'fixed') return value === null || value === undefined || say(req, { es: 'Un cupón de porcentaje no lleva importe.', en: 'A percentage coupon takes no amount.' })
          return isDiscountAmount(value, siblingData?.currency) || say(req, { es: 'Indica un importe mayor que 0, con los decimales que admite la moneda.', en: 'Enter an amount above 0, with the decimals the currency allows.' })
        },
      },
      {
        ...currencyField,
        required: false,
        label: { es: 'Moneda del descuento', en: 'Discount currency' },
        admin: {
          ...currencyField.admin,
          condition: fixedOnly.condition,
          description: { es: 'Un importe fijo solo se aplica a cursos y webinars que se venden en esta moneda.', en: 'A fixed amount applies only to courses and webinars sold in this currency.' },
        },
        hooks: fixedOnly.hooks,
        validate: (value: unknown, options: Sibling) =>
          options.siblingData?.discountType === 'fixed' ? (currencyField.validate as (v: unknown, o: unknown) => true | string)(value, options) : true,
      },
    ],
  },
  {
    name: 'appliesTo',
    // A select, not a radio: Payload 3.88's radio does not re-run the conditions that show the categories or items (payload#15929).
    type: 'select',
    required: true,
    defaultValue: 'all',
    options: [
      { value: 'all', label: { es: 'Todos los cursos y webinars', en: 'Every course and webinar' } },
      { value: 'categories', label: { es: 'Cursos y webinars de estas categorías', en: 'Courses and webinars in these categories' } },
      { value: 'items', label: { es: 'Solo estos cursos o webinars', en: 'Only these courses or webinars' } },
    ],
    label: { es: 'Se aplica a', en: 'Applies to' },
  },
  {
    name: 'categories',
    type: 'relationship',
    relationTo: 'categories',
    hasMany: true,
    maxRows: 100,
    label: { es: 'Categorías', en: 'Categories' },
    admin: { condition: forCategories.condition },
    hooks: forCategories.hooks,
    validate: (value: unknown, { siblingData, req }: Sibling) =>
      siblingData?.appliesTo !== 'categories' || (Array.isArray(value) && value.length > 0) || say(req, { es: 'Elige al menos una categoría.', en: 'Choose at least one category.' }),
  },
  {
    name: 'items',
    type: 'relationship',
    relationTo: ['webinars', 'courses'],
    hasMany: true,
    maxRows: 200,
    label: { es: 'Cursos y webinars', en: 'Courses and webinars' },
    admin: { condition: forItems.condition },
    hooks: forItems.hooks,
    validate: (value: unknown, { siblingData, req }: Sibling) =>
      siblingData?.appliesTo !== 'items' || (Array.isArray(value) && value.length > 0) || say(req, { es: 'Elige al menos un curso o webinar.', en: 'Choose at least one course or webinar.' }),
  },
  {
    type: 'row',
    fields: [
      {
        name: 'validFrom',
        type: 'date',
        label: { es: 'Válido desde', en: 'Valid from' },
        admin: { date: { pickerAppearance: 'dayAndTime' }, description: { es: 'Vacío: desde ya. Hora del negocio.', en: "Empty: from now on. Business time." } },
      },
      {
        name: 'validUntil',
        type: 'date',
        label: { es: 'Válido hasta', en: 'Valid until' },
        admin: { date: { pickerAppearance: 'dayAndTime' }, description: { es: 'Vacío: sin vencimiento. Deja de valer en ese momento exacto.', en: 'Empty: never expires. Stops working at that exact moment.' } },
        validate: (value: unknown, { siblingData, req }: Sibling) => {
          const from = siblingData?.validFrom
          if (!value || !from) return true
          return new Date(value as string).getTime() > new Date(from as string).getTime() || say(req, { es: '"Válido hasta" debe ser posterior a "Válido desde".', en: '"Valid until" must be after "Valid from".' })
        },
      },
    ],
  },
  {
    type: 'row',
    fields: [
      {
        name: 'maxRedemptions',
        type: 'number',
        label: { es: 'Usos máximos en total', en: 'Most uses in total' },
        admin: { description: { es: 'Vacío: sin límite. Cada cupo cuenta un uso.', en: 'Empty: no limit. Each seat counts one use.' } },
        validate: (value: unknown, { req }: Sibling) => isWholeNumberFrom1(value) || say(req, { es: 'Debe ser un número entero de 1 o más (o vacío).', en: 'Must be a whole number of 1 or more (or empty).' }),
      },
      {
        name: 'maxRedemptionsPerPerson',
        type: 'number',
        label: { es: 'Usos máximos por persona', en: 'Most uses per person' },
        admin: { description: { es: 'Vacío: sin límite. Cuenta los cupos a nombre de cada persona.', en: 'Empty: no limit. Counts the seats in each person’s name.' } },
        validate: (value: unknown, { req }: Sibling) => isWholeNumberFrom1(value) || say(req, { es: 'Debe ser un número entero de 1 o más (o vacío).', en: 'Must be a whole number of 1 or more (or empty).' }),
      },
    ],
  },
  {
    type: 'row',
    fields: [
      { name: 'active', type: 'checkbox', defaultValue: true, index: true, label: { es: 'Activo', en: 'Active' } },
      {
        name: 'combinesWithEarlyBird',
        type: 'checkbox',
        defaultValue: false,
        label: { es: 'Se suma al precio de preventa', en: 'Combines with the early-bird price' },
        admin: {
          description: {
            es: 'Marcado: el descuento se aplica sobre el precio de preventa. Sin marcar: se aplica sobre el precio regular y la persona paga el menor de los dos (preventa o regular con cupón).',
            en: 'Ticked: the discount applies to the early-bird price. Unticked: it applies to the regular price and the buyer pays the lower of the two (early bird, or regular with the coupon).',
          },
        },
      },
    ],
  },
  { name: 'internalNote', type: 'textarea', maxLength: 2000, label: { es: 'Nota interna', en: 'Internal note' }, admin: { description: { es: 'Solo la ve el equipo.', en: 'Staff only.' } } },
  {
    // Uses held and discount given (src/commerce/coupons/redemptions.ts), read from the coupon's own endpoint.
    name: 'redemptionSummary',
    type: 'ui',
    label: { es: 'Usos', en: 'Uses' },
    admin: { position: 'sidebar', condition: (data) => Boolean(data?.id), components: { Field: '/src/components/coupons/CouponRedemptions#CouponRedemptions' } },
  },
  {
    // Every enrollment that carries this coupon, including ended ones (the sidebar says which hold a use).
    name: 'redemptions',
    type: 'join',
    collection: 'enrollments',
    on: 'coupon',
    defaultLimit: 20,
    label: { es: 'Inscripciones con este cupón', en: 'Enrollments with this coupon' },
    admin: { defaultColumns: ['user', 'item', 'status', 'paymentStatus', 'listPrice', 'discount', 'amount'], allowCreate: false },
  },
]
