/** What a registration endpoint shows its caller (who may be anonymous): their enrollment, nothing internal. */
export function publicEnrollment(enrollment: Record<string, unknown>) {
  const pick = ['id', 'status', 'paymentStatus', 'amount', 'currency', 'priceTier', 'item', 'createdAt', 'checkoutUrl', 'holdExpiresAt'] as const
  const result: Record<string, unknown> = {}
  for (const key of pick) if (enrollment[key] !== undefined) result[key] = enrollment[key]
  const user = enrollment.user as { id?: number } | number | undefined
  result.user = typeof user === 'object' && user ? user.id : user
  const item = enrollment.item as { relationTo: string; value: unknown } | undefined
  if (item && typeof item.value === 'object' && item.value) result.item = { relationTo: item.relationTo, value: (item.value as { id: number }).id }
  return result
}
