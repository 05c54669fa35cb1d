import type { Payload, PayloadRequest } from 'payload'

export interface BillingSettingsValues {
  /** The seller as printed on receipts; empty strings when staff have not filled them in yet. */
  legalName: string
  taxId: string
  address: string
  email: string
  /** "IGV", "IVA", …: the name printed beside the tax line. */
  taxName: string
  /** 0 when no tax applies (no tax line is printed then). */
  taxRatePercent: number
  /** Always true in practice: Aula charges the published price, so the tax is carved out of it (docs/decisions/0020-receipts.md). */
  pricesIncludeTax: boolean
  /** Sent to whoever chooses to pay by bank transfer. */
  bankTransferDetails: string
  /** Days a bank-transfer registration holds its seats when the item does not say. */
  bankTransferHoldDays: number
}

export const DEFAULT_BILLING_SETTINGS: BillingSettingsValues = {
  legalName: '',
  taxId: '',
  address: '',
  email: '',
  taxName: 'IGV',
  taxRatePercent: 0,
  pricesIncludeTax: true,
  bankTransferDetails: '',
  bankTransferHoldDays: 3,
}

const text = (value: unknown, fallback: string) => (typeof value === 'string' ? value.trim() : fallback)
const numberWithin = (value: unknown, min: number, max: number, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? value : fallback

/** The billing settings global, with the defaults for anything unset (a fresh database has no row yet). */
export async function getBillingSettings(payload: Payload, req?: PayloadRequest): Promise<BillingSettingsValues> {
  const stored = (await payload.findGlobal({ slug: 'billing-settings', depth: 0, overrideAccess: true, req }).catch(() => null)) as Record<string, unknown> | null
  const d = DEFAULT_BILLING_SETTINGS
  return {
    legalName: text(stored?.legalName, d.legalName),
    taxId: text(stored?.taxId, d.taxId),
    address: text(stored?.address, d.address),
    email: text(stored?.email, d.email),
    taxName: text(stored?.taxName, d.taxName) || d.taxName,
    taxRatePercent: numberWithin(stored?.taxRatePercent, 0, 100, d.taxRatePercent),
    pricesIncludeTax: typeof stored?.pricesIncludeTax === 'boolean' ? stored.pricesIncludeTax : d.pricesIncludeTax,
    bankTransferDetails: text(stored?.bankTransferDetails, d.bankTransferDetails),
    bankTransferHoldDays: Math.round(numberWithin(stored?.bankTransferHoldDays, 1, 30, d.bankTransferHoldDays)),
  }
}
