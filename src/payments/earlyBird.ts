/**
 * The early-bird price applies strictly before its deadline, from the deadline on the regular price.
 * One rule for the catalog's `currentPrice` and for the price an enrollment freezes.
 */
export const earlyBirdApplies = (earlyBirdPrice: unknown, deadline: unknown, now: Date): boolean =>
  earlyBirdPrice !== null && earlyBirdPrice !== undefined && Boolean(deadline) && now.getTime() < new Date(deadline as string).getTime()
