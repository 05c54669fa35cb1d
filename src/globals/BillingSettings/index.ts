import type { GlobalConfig } from 'payload'

import { isAdmin, isStaff } from '../../access'
import { pricesMustIncludeTax } from './validate'

/**
 * Who sells, as printed on every receipt and credit note (src/commerce/receipts), how tax is shown, and
 * the bank details a bank-transfer registration is sent (src/commerce/manualPayments). Staff read it;
 * admins change it. A receipt copies what it printed, so a later change never alters an issued one.
 */
export const BillingSettings: GlobalConfig = {
  slug: 'billing-settings',
  label: { es: 'Facturación y cobros', en: 'Billing and payments' },
  admin: { group: { es: 'Configuración', en: 'Settings' } },
  access: { read: isStaff, update: isAdmin },
  fields: [
    {
      type: 'collapsible',
      label: { es: 'Datos del vendedor (en cada comprobante)', en: 'Seller details (on every receipt)' },
      fields: [
        { name: 'legalName', type: 'text', maxLength: 200, label: { es: 'Razón social', en: 'Legal name' } },
        { name: 'taxId', type: 'text', maxLength: 40, label: { es: 'RUC / NIF / identificación fiscal', en: 'Tax id' } },
        { name: 'address', type: 'textarea', maxLength: 500, label: { es: 'Dirección fiscal', en: 'Registered address' } },
        { name: 'email', type: 'email', label: { es: 'Correo de facturación', en: 'Billing email' } },
      ],
    },
    {
      type: 'collapsible',
      label: { es: 'Impuestos', en: 'Tax' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'taxName', type: 'text', maxLength: 20, defaultValue: 'IGV', label: { es: 'Nombre del impuesto', en: 'Tax name' } },
            {
              name: 'taxRatePercent',
              type: 'number',
              min: 0,
              max: 100,
              defaultValue: 0,
              label: { es: 'Tasa (%)', en: 'Rate (%)' },
              admin: { description: { es: '0 si no se aplica impuesto.', en: '0 when no tax applies.' } },
            },
          ],
        },
        {
          name: 'pricesIncludeTax',
          type: 'checkbox',
          defaultValue: true,
          label: { es: 'Los precios publicados ya incluyen el impuesto', en: 'Published prices include the tax' },
          admin: { description: { es: 'Aula cobra el precio publicado: el comprobante separa el impuesto de lo pagado. Con una tasa mayor que 0, publique los precios con el impuesto incluido.', en: 'Aula charges the published price: the receipt carves the tax out of what was paid. With a rate above 0, publish prices with the tax included.' } },
          validate: pricesMustIncludeTax,
        },
      ],
    },
    {
      type: 'collapsible',
      label: { es: 'Transferencia bancaria', en: 'Bank transfer' },
      fields: [
        {
          name: 'bankTransferDetails',
          type: 'textarea',
          maxLength: 2000,
          label: { es: 'Datos bancarios', en: 'Bank details' },
          admin: { description: { es: 'Banco, titular, número de cuenta y CCI/IBAN: se envían a quien elige pagar por transferencia.', en: 'Bank, holder, account number and IBAN: sent to whoever chooses to pay by transfer.' } },
        },
        {
          name: 'bankTransferHoldDays',
          type: 'number',
          min: 1,
          max: 30,
          defaultValue: 3,
          label: { es: 'Días de reserva por defecto', en: 'Default hold (days)' },
          admin: { description: { es: 'Cuántos días se guardan los cupos a la espera de la transferencia (cada webinar o curso puede cambiarlo).', en: 'How many days seats are held waiting for the transfer (each webinar or course may change it).' } },
        },
      ],
    },
  ],
}
