import { ValidationError, type CollectionBeforeChangeHook } from 'payload'

import { lockAnyItem } from '../../enrollment/items'
import type { ItemCollection } from '../../enrollment/statuses'
import { say } from '../../i18n/say'
import { cancelButtonName, confirmedCancellation } from '../context'
import { cancellationPreview } from '../preview'

/**
 * A plain save setting `status: cancelled` (REST, GraphQL, the admin's form) on an item that still has
 * people enrolled is refused: cancelling ends enrollments and refunds money, so staff go through the
 * "Cancelar curso/webinar" button, which shows who and how much first. With nobody enrolled it is an
 * ordinary status change. The item row is locked first, so a registration landing now is counted.
 */
export const refuseUnconfirmedCancellation: CollectionBeforeChangeHook = async ({ collection, data, operation, originalDoc, req }) => {
  if (operation !== 'update' || data.status !== 'cancelled' || originalDoc?.status === 'cancelled' || confirmedCancellation(req)) return data
  const slug = collection.slug as ItemCollection
  await lockAnyItem(req, slug, originalDoc?.id)
  const { people, refunds } = await cancellationPreview(req, slug, originalDoc?.id)
  if (!people.total) return data
  const button = cancelButtonName(slug)
  throw new ValidationError({
    collection: slug,
    errors: [
      {
        path: 'status',
        message: say(req, {
          es: `${people.total === 1 ? 'Hay 1 persona inscrita' : `Hay ${people.total} personas inscritas`} (${refunds.count} pagos por reembolsar). Usa «${button.es}», que muestra a quiénes afecta y cuánto se reembolsa antes de confirmar.`,
          en: `${people.total === 1 ? '1 person is' : `${people.total} people are`} enrolled (${refunds.count} payments to refund). Use "${button.en}", which shows who is affected and how much is refunded before you confirm.`,
        }),
      },
    ],
    req,
  })
}
