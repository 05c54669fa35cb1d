import { startTestAula, type StartOptions, type TestAula } from './aula'
import { WEBHOOK_SECRET } from './stripeEvents'
import { startStripeStandIn, type StripeStandIn } from './stripeStandIn'

/** An Aula whose Stripe SDK talks to a local stand-in (Stripe's API is unreachable here), with the tests' webhook secret. */
export async function startAulaWithStripe(options: StartOptions = {}): Promise<{ aula: TestAula; stripe: StripeStandIn }> {
  const stripe = await startStripeStandIn()
  const aula = await startTestAula({ ...options, stripe: { secretKey: 'sk_test_aula', webhookSecret: WEBHOOK_SECRET, apiUrl: stripe.url } })
  return { aula, stripe }
}

/** Closes both, whichever of them started. */
export async function stopAulaWithStripe(aula: TestAula | undefined, stripe: StripeStandIn | undefined): Promise<void> {
  await aula?.close()
  await stripe?.stop()
}
