import { APIError, ValidationError, type PayloadRequest } from 'payload'

import { checkRole } from '../access'
import { deferAuditEntries, discardDeferredAuditEntries, flushAuditEntries, takeDeferredAuditStatement } from '../audit/record'
import { fastPathsEnabled } from '../config/fastPaths'
import { normalizeCouponCode } from '../commerce/coupons/code'
import { findCouponForCode } from '../commerce/coupons/pricing'
import { assertPaymentMethodAllowed } from '../commerce/manualPayments/allowed'
import type { PaymentMethodChoice } from '../commerce/registrationInput'
import { applyFormConsent } from '../automation/consent/formConsent'
import { answerAlreadyRegistered } from './alreadyRegistered'
import { createEnrollment } from './createEnrollment'
import { findOrCreatePerson, type PersonInput } from './findOrCreatePerson'
import { claimIdempotencyKey, findReplay } from './idempotency'
import type { ItemCollection } from './statuses'
import { seatGuessesMissed } from '../observability/metrics'
import { decideSeat, endSeatDecision, notifyAfterSeatCommit, observeSeatLock, SeatGuessMissed, settleSeatsAtCommit } from './seatAtCommit'
import { forgetPrefetched } from './registrationPrefetch'
import { noteRegistrationTime, paceLikeARegistration } from './registrationPace'
import { inTransaction } from './transaction'

export interface RegisterInput {
  collection: ItemCollection
  itemId: number
  /** Who registers: the caller's own account, or a person named in the body. */
  person: { userId: number } | PersonInput
  /** The client's Idempotency-Key as sent; scoped to the caller and this request here. */
  idempotencyKey?: string | null
  source?: 'web' | 'admin' | 'import'
  /** A coupon code as typed (src/commerce/coupons resolves it; the enrollment freezes coupon, discount and amount). */
  couponCode?: string
  /** How a paid seat will be paid: Stripe Checkout (default) or a bank transfer held for days (src/commerce/manualPayments). */
  paymentMethod?: PaymentMethodChoice
  /** The form's marketing checkbox (src/automation/consent/formConsent.ts); absent leaves consent as it is. */
  marketingConsent?: boolean
}

/** Seat guesses a registration may miss (seatAtCommit.ts) before it takes the item's lock first. */
const GUESSES_BEFORE_LOCKING_FIRST = 3

export interface RegisterResult {
  enrollment: Record<string, unknown>
  /** True when an Idempotency-Key replay returned the enrollment made the first time. */
  replayed: boolean
}

/**
 * Registers a person for a webinar or enrolls them in a course, in one transaction: a refused
 * registration leaves nothing behind, not even a new account. The seat rules themselves live in
 * the enrollments collection's `applySeatRules` hook, so an admin adding someone by hand gets
 * exactly the same treatment as the website.
 */
export async function register(req: PayloadRequest, input: RegisterInput): Promise<RegisterResult> {
  const startedAt = performance.now()
  // The coupon is part of what was asked: a retry with another code is a different request (422).
  const couponCode = input.couponCode ? normalizeCouponCode(input.couponCode) : undefined
  const claim = claimIdempotencyKey(req, input.idempotencyKey, { collection: input.collection, itemId: input.itemId, person: input.person, couponCode })
  // Bank transfer only where the item takes it (a 400 on paymentMethod); the seat rules then hold the seat without Stripe.
  await assertPaymentMethodAllowed(req, input.collection, input.itemId, input.paymentMethod)
  req.context.paymentMethod = input.paymentMethod ?? 'card'
  // The seat is decided at commit (seatAtCommit.ts); a guess the locked row contradicts runs the registration again (below).
  // Inside a caller's transaction the commit is not ours to time, and a wrong guess could not be rolled back alone: lock first.
  let seatMode: 'commit' | 'first' = (await req.transactionID) ? 'first' : 'commit'
  let retriedClash = false
  let missedGuesses = 0
  for (;;) {
    if (claim) {
      const replay = await findReplay(req, claim)
      if (replay) return { enrollment: replay, replayed: true }
    }
    decideSeat(req, seatMode)
    try {
      // The audit entries of the attempt are written with one statement before the commit (fast path only).
      if (fastPathsEnabled()) deferAuditEntries(req)
      const enrollment = await inTransaction(req, async () => {
        // The code's coupon, before anyone's account is made for nothing; whether it applies here, and
        // its limits, are checked with the seat (applySeatRules).
        const coupon = input.couponCode ? await findCouponForCode(req, input.couponCode) : undefined
        const userId = 'userId' in input.person ? input.person.userId : (await findOrCreatePerson(req, input.person, { collection: input.collection, id: input.itemId })).id
        const email = 'userId' in input.person ? String(req.user?.email ?? '') : input.person.email
        await applyFormConsent(req, { collection: 'users', id: userId, email, granted: input.marketingConsent })
        // Payload's create, or the same hooks around one hand-written INSERT (createEnrollment.ts, docs/decisions/0034).
        const created = await createEnrollment(req, {
          user: userId,
          item: { relationTo: input.collection, value: input.itemId },
          source: input.source ?? 'web',
          coupon,
          idempotencyKey: claim?.key,
          idempotencyRequest: claim?.request,
        })
        // Last, and together with the COMMIT: the attempt's audit entries, the item's lock, the seat, the counter.
        const settled = await settleSeatsAtCommit(req, Number(created.id), () => takeDeferredAuditStatement(req))
        if (!settled) await flushAuditEntries(req)
        return created
      }).finally(() => {
        observeSeatLock(req)
        // Written before the commit, or rolled back with the attempt: nothing after it is deferred.
        discardDeferredAuditEntries(req)
      })
      await notifyAfterSeatCommit(req)
      noteRegistrationTime(performance.now() - startedAt)
      return { enrollment: enrollment as unknown as Record<string, unknown>, replayed: false }
    } catch (error) {
      // A missed guess (the item filled up meanwhile, typically) guesses again from a fresh read: locking
      // first would hold the item for the whole registration, exactly when it is busiest. After a few
      // misses in a row it locks first, so a registration always ends.
      if (error instanceof SeatGuessMissed && seatMode === 'commit') {
        seatGuessesMissed.inc({ item: input.collection })
        missedGuesses += 1
        if (missedGuesses >= GUESSES_BEFORE_LOCKING_FIRST) seatMode = 'first'
        continue
      }
      // Two first registrations with one email, or two retries with one Idempotency-Key, or the same person
      // twice at once, raced on a unique key (or the retry waited for the item's lock and then met the
      // winner's enrollment); the loser runs once more and finds what the winner wrote.
      if (!retriedClash && (isUniqueClash(error) || (claim && isDuplicateEnrollment(error)))) {
        retriedClash = true
        continue
      }
      // Someone who may not learn whether this person is registered gets the answer a registration
      // would give, and the person an email about it (docs/api-enrollment.md). Nothing new is written.
      if (isDuplicateEnrollment(error) && !seesEnrollmentsOf(req, input.person)) {
        const enrollment = await answerAlreadyRegistered(req, duplicateId(error))
        await paceLikeARegistration(startedAt)
        return { enrollment, replayed: false }
      }
      throw error
    } finally {
      // Whatever runs on this request afterwards (a Checkout Session, a second enrollment) locks as usual.
      endSeatDecision(req)
      forgetPrefetched(req)
    }
  }
}

const isUniqueClash = (error: unknown) =>
  error instanceof ValidationError &&
  (error.data?.errors ?? []).some((problem: { path?: string }) => ['email', 'idempotencyKey', 'activeKey'].includes(String(problem.path)))

/** `applySeatRules` refusing a second active enrollment (its data names the first one). */
const isDuplicateEnrollment = (error: unknown) =>
  error instanceof APIError && error.status === 409 && typeof (error.data as { enrollmentId?: unknown } | undefined)?.enrollmentId === 'number'

const duplicateId = (error: unknown) => (error as APIError<{ enrollmentId: number }>).data.enrollmentId

/**
 * The caller registering themselves (without a body, or with their own email), or staff (who read
 * every enrollment anyway): they keep the clear 409 naming the enrollment.
 */
const seesEnrollmentsOf = (req: PayloadRequest, person: RegisterInput['person']) =>
  'userId' in person ||
  (req.user?.collection === 'users' && String(req.user.email ?? '').toLowerCase() === person.email) ||
  checkRole(['admin', 'editor', 'sales'], req.user)
