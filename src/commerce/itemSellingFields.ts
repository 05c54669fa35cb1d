import type { Field } from 'payload'

import { applicableOnlyWhen } from '../fields/applicableOnlyWhen'

/**
 * How a webinar or course is sold beyond its price (issue 18), in its "Precio y cupos" tab: how many
 * seats one group booking may take (src/commerce/groups) and whether people may pay by bank transfer,
 * with how many days their seats wait for the money (src/commerce/manualPayments).
 */
const transferOnly = applicableOnlyWhen((_, siblingData) => Boolean(siblingData?.allowBankTransfer))

export const itemSellingFields: Field[] = [
  {
    type: 'row',
    fields: [
      {
        name: 'maxGroupSize',
        type: 'number',
        min: 1,
        max: 200,
        defaultValue: 20,
        label: { es: 'Máximo de personas por reserva de grupo', en: 'Most people per group booking' },
        admin: { description: { es: '1 para no aceptar reservas de grupo.', en: '1 to take no group bookings.' } },
      },
    ],
  },
  {
    type: 'row',
    fields: [
      {
        name: 'allowBankTransfer',
        type: 'checkbox',
        defaultValue: false,
        label: { es: 'Aceptar pago por transferencia bancaria', en: 'Accept payment by bank transfer' },
      },
      {
        name: 'bankTransferHoldDays',
        type: 'number',
        min: 1,
        max: 30,
        label: { es: 'Días de reserva a la espera de la transferencia', en: 'Days seats wait for the transfer' },
        hooks: transferOnly.hooks,
        admin: {
          condition: transferOnly.condition,
          description: { es: 'Vacío: lo indicado en Facturación y cobros.', en: 'Empty: what Billing and payments says.' },
        },
      },
    ],
  },
]
