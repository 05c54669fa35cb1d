import type { NumberField } from 'payload'

import { getClock } from '../../utilities/clock'
import { earlyBirdApplies } from '../../payments/earlyBird'
import { priceWithCurrency } from '../../fields/currency'

const readOnlyVirtual = { create: () => false, update: () => false }

/**
 * What a buyer pays right now: the early-bird price strictly before its deadline, the regular price
 * from the deadline on. Computed on read with the injected clock, so no job has to flip it.
 */
export const currentPriceField: NumberField = {
  name: 'currentPrice',
  type: 'number',
  virtual: true,
  label: { es: 'Precio actual', en: 'Current price' },
  access: readOnlyVirtual,
  admin: { position: 'sidebar', readOnly: true, components: priceWithCurrency },
  hooks: {
    afterRead: [
      ({ siblingData, req }) => {
        const regular = siblingData?.regularPrice ?? null
        const earlyBird = siblingData?.earlyBirdPrice
        return earlyBirdApplies(earlyBird, siblingData?.earlyBirdDeadline, getClock(req.payload).now()) ? earlyBird : regular
      },
    ],
  },
}

type Module = { sessions?: { date?: string | null }[] | null }

const isDated = (session: { date?: string | null } | null | undefined) => Boolean(session?.date) && !Number.isNaN(new Date(session!.date!).getTime())

/** Dated sessions across all modules (an undated row is not scheduled yet), counted from the row already loaded. */
export const totalSessionsField: NumberField = {
  name: 'totalSessions',
  type: 'number',
  virtual: true,
  label: { es: 'Total de sesiones', en: 'Total sessions' },
  access: readOnlyVirtual,
  admin: { position: 'sidebar', readOnly: true },
  hooks: {
    afterRead: [
      ({ siblingData }) => {
        const modules = siblingData?.modules as Module[] | undefined
        if (!Array.isArray(modules)) return null
        return modules.reduce((sum, module) => sum + (module.sessions ?? []).filter(isDated).length, 0)
      },
    ],
  },
}
