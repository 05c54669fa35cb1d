import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { poolDrizzle, rowsOf } from '../../src/email/database'
import type { TestAula } from '../helpers/aula'
import { startAulaWithStripe, stopAulaWithStripe } from '../helpers/aulaWithStripe'
import { createWebinar } from '../helpers/catalog'
import { drainQueue } from '../helpers/email'
import { ManualClock } from '../helpers/manualClock'
import { deliver, sessionCompleted } from '../helpers/stripeEvents'
import type { StripeStandIn } from '../helpers/stripeStandIn'

/** What Stripe told us is Stripe's in the audit log, done through the job that applied it. */
let aula: TestAula
let stripe: StripeStandIn
const clock = new ManualClock('2030-01-10T12:00:00.000Z')

beforeAll(async () => {
  ;({ aula, stripe } = await startAulaWithStripe({ clock }))
})
afterAll(() => stopAulaWithStripe(aula, stripe))

describe('changes made because Stripe said so', () => {
  it('a completed checkout confirms the payment and the enrollment as Stripe’s, through worker:processStripeEvent', async () => {
    const webinar = await createWebinar(aula.payload, { isFree: false, price: 20, currency: 'EUR', capacity: 3 })
    const { body } = await aula.api.post(`/webinars/${webinar.id}/register`, { email: `pagadora-${Date.now()}@example.com`, firstName: 'Lucía', lastName: 'Paz' })
    const session = stripe.complete(body.doc.checkoutUrl.split('/').pop())
    expect((await deliver(aula.api, sessionCompleted(session))).status).toBe(200)
    await drainQueue(aula.payload)

    const updates = rowsOf<{ actor_kind: string; actor_label: string; collection_slug: string; changes: { field: string; to: unknown }[] }>(
      await poolDrizzle(aula.payload).execute(sql`
        SELECT actor_kind, actor_label, collection_slug, changes FROM audit_log
         WHERE action = 'update' AND collection_slug = 'enrollments' AND document_id = ${String(body.doc.id)} ORDER BY id`),
    )
    const confirmed = updates.find((entry) => entry.changes?.some((change) => change.field === 'status' && change.to === 'confirmed'))
    expect(confirmed).toMatchObject({ actor_kind: 'stripe', actor_label: 'worker:processStripeEvent' })
  })
})
