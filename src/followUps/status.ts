import type { PayloadRequest } from 'payload'

import type { ItemCollection } from '../enrollment/statuses'
import { say } from '../i18n/say'
import { getBusinessSettings } from '../settings/businessSettings'
import { formatWithZone } from '../utilities/localTime'
import { attendanceRecorded, countConfirmed } from './send'
import { readFollowUp } from './state'
import { followUpStateLabels, type FollowUpState } from './states'

export interface FollowUpStatus {
  status: FollowUpState
  statusLabel: string
  /** When the follow-up goes (went) out: the end plus the delay, written in the item's zone. */
  dueAt: string | null
  dueAtText: string
  changedAt: string | null
  changedAtText: string
  /** Confirmed people now: who a release would write to. */
  confirmed: number
  sent: number | null
  attendanceRecorded: boolean
  /** What staff read in the panel, in their language. */
  summary: string
}

/** The panel's numbers, read fresh (confirmed people and whether attendance exists now, not as of the last tick). */
export async function followUpStatus(req: PayloadRequest, collection: ItemCollection, itemId: number): Promise<FollowUpStatus | null> {
  const stored = await readFollowUp(req, collection, itemId)
  if (!stored) return null
  const item = (await req.payload.findByID({ collection, id: itemId, depth: 0, overrideAccess: true, select: { timezone: true, startsAt: true } as never, req })) as Record<string, unknown>
  const zone = String(item.timezone || (await getBusinessSettings(req.payload, req)).timezone)
  const language = req.i18n?.language === 'en' ? 'en' : 'es'
  const [confirmed, recorded] = await Promise.all([countConfirmed(req, collection, itemId), attendanceRecorded(req, collection, itemId)])
  const dueAtText = stored.dueAt ? formatWithZone(stored.dueAt, zone, language) : ''
  const changedAtText = stored.changedAt ? formatWithZone(stored.changedAt, zone, language) : ''
  return {
    status: stored.status,
    // On hold but attendance arrived since: the next run sends it, so the label must not say "no attendance".
    statusLabel: say(req, stored.status === 'on_hold' && recorded ? { es: 'A punto de enviarse', en: 'About to be sent' } : followUpStateLabels[stored.status]),
    dueAt: stored.dueAt?.toISOString() ?? null,
    dueAtText,
    changedAt: stored.changedAt?.toISOString() ?? null,
    changedAtText,
    confirmed,
    sent: stored.sent,
    attendanceRecorded: recorded,
    summary: summaryOf(req, stored.status, { dueAtText, changedAtText, confirmed, sent: stored.sent ?? 0, recorded }),
  }
}

function summaryOf(req: PayloadRequest, status: FollowUpState, facts: { dueAtText: string; changedAtText: string; confirmed: number; sent: number; recorded: boolean }): string {
  const people = (count: number) => say(req, { es: count === 1 ? '1 persona confirmada' : `${count} personas confirmadas`, en: count === 1 ? '1 confirmed person' : `${count} confirmed people` })
  switch (status) {
    case 'scheduled':
      return facts.dueAtText
        ? say(req, { es: `Se enviará el ${facts.dueAtText}, según la asistencia registrada.`, en: `Goes out on ${facts.dueAtText}, by the attendance recorded.` })
        : say(req, { es: 'Se programará cuando el evento tenga fecha.', en: 'Scheduled once the event has a date.' })
    case 'on_hold':
      return facts.recorded
        ? say(req, { es: `Ya hay asistencia registrada: el seguimiento sale en el próximo minuto a ${people(facts.confirmed)}.`, en: `Attendance is now recorded: the follow-up goes out within a minute to ${people(facts.confirmed)}.` })
        : say(req, {
            es: `En espera desde el ${facts.changedAtText}: no se registró asistencia, así que no se envió nada. ${people(facts.confirmed)} esperan el seguimiento.`,
            en: `On hold since ${facts.changedAtText}: no attendance was recorded, so nothing was sent. ${people(facts.confirmed)} are waiting for the follow-up.`,
          })
    case 'released':
      return say(req, { es: `Liberado el ${facts.changedAtText}: se está enviando a ${people(facts.confirmed)}.`, en: `Released on ${facts.changedAtText}: being sent to ${people(facts.confirmed)}.` })
    case 'sent':
      return say(req, { es: `Enviado el ${facts.changedAtText} a ${people(facts.sent)}.`, en: `Sent on ${facts.changedAtText} to ${people(facts.sent)}.` })
    case 'skipped':
      return say(req, { es: 'Este evento terminó antes de que existiera el seguimiento automático: no se envió nada.', en: 'This event ended before automatic follow-ups existed: nothing was sent.' })
  }
}
