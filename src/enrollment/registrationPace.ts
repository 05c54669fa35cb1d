/**
 * How long a registration that creates an enrollment usually takes in this process, so that the answer
 * for someone already registered (src/enrollment/alreadyRegistered.ts), which writes almost nothing,
 * does not come back measurably sooner and tell a caller that the person is registered
 * (docs/security.md, "Existence leaks"). Until registrations stopped hashing a password
 * (docs/decisions/0029) a PBKDF2 in both paths hid the difference; now the short path waits, which
 * costs a timer and no CPU, and only that path pays it.
 */
const WEIGHT = 0.2
/** Before any registration was seen: about what one takes on a quiet server. */
let typicalMs = 30

export function noteRegistrationTime(ms: number): void {
  // A pathological outlier (a lock wait of seconds) must not make every later duplicate answer slow.
  typicalMs += WEIGHT * (Math.min(ms, typicalMs * 4) - typicalMs)
}

/** Resolves when `startedAt` (performance.now()) is as far back as a typical registration takes. */
export async function paceLikeARegistration(startedAt: number): Promise<void> {
  const left = typicalMs - (performance.now() - startedAt)
  if (left > 0) await new Promise((resolve) => setTimeout(resolve, left))
}
