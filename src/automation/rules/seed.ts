import type { Payload, PayloadRequest } from 'payload'

import { STOCK_RULES } from './stockRules'

/**
 * Creates each stock rule whose key is not there yet; a rule staff edited (or switched off) keeps
 * their edits, and one they deleted stays deleted only until the next seed (its key is free again:
 * switch it off instead, docs/automation.md). Runs on every migrate/start and in every test database.
 */
export async function seedEmailRules(payload: Payload, req?: PayloadRequest): Promise<number> {
  const { docs } = await payload.find({
    collection: 'email-rules',
    where: { key: { in: STOCK_RULES.map((rule) => rule.key) } },
    select: { key: true },
    depth: 0,
    limit: STOCK_RULES.length,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const present = new Set(docs.map((doc) => doc.key))
  let created = 0
  const now = new Date().toISOString()
  for (const rule of STOCK_RULES) {
    if (present.has(rule.key)) continue
    // Straight to the database: a stock rule changes nothing already planned (the send-time guard maps
    // rows queued before rules existed to it by key), so no re-planning job is queued for it.
    await payload.db.create({
      collection: 'email-rules',
      data: {
        enrollmentEvent: null,
        onlineOnly: false,
        sendLateUntilStart: false,
        ...rule,
        active: true,
        quietHours: { enabled: false, from: null, until: null },
        createdAt: now,
        updatedAt: now,
      },
      req,
      returning: false,
    })
    created += 1
  }
  return created
}
