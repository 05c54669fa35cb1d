import { ValidationError, type PayloadRequest } from 'payload'

import type { ItemCollection } from '../../enrollment/statuses'
import type { PaymentMethodChoice } from '../registrationInput'
import { readTransferItem } from './transferItem'

/**
 * `paymentMethod: 'bank_transfer'` only where staff switched "Aceptar pago por transferencia bancaria" on
 * for the item: a 400 naming `paymentMethod` otherwise, before anything is written. Card needs no check here.
 * Called by registration (src/enrollment/register.ts) and group bookings (src/commerce/groups).
 */
export async function assertPaymentMethodAllowed(req: PayloadRequest, collection: ItemCollection, itemId: number, method: PaymentMethodChoice | undefined): Promise<void> {
  if (method !== 'bank_transfer') return
  const item = await readTransferItem(req, collection, itemId)
  // An unknown item is the registration's own 404 to give.
  if (!item || item.allowBankTransfer) return
  throw new ValidationError({
    collection: 'enrollments',
    errors: [{ path: 'paymentMethod', message: 'paymentMethod bank_transfer is not accepted for this item: pay by card (paymentMethod card).' }],
  })
}
