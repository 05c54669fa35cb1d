import { type PayloadRequest, ValidationError } from 'payload'

import { say } from '../../i18n/say'
import { listParticipants, type Participant, type ParticipantItem } from '../listParticipants'
import type { Audience } from './audience'

/** The people an audience names, among the item's participants (ids from another item are refused). */
export async function recipientsOf(req: PayloadRequest, item: ParticipantItem, audience: Audience): Promise<Participant[]> {
  const { participants } = await listParticipants(req, item, audience)
  if (!audience.enrollmentIds) return participants
  const inList = new Set(participants.map((participant) => participant.enrollmentId))
  const outside = audience.enrollmentIds.filter((id) => !inList.has(id))
  if (outside.length) {
    throw new ValidationError({ errors: [{ path: 'audience.enrollmentIds', message: say(req, { es: `No están en esta lista de participantes: ${outside.join(', ')}.`, en: `Not in this list of participants: ${outside.join(', ')}.` }) }] })
  }
  const picked = new Set(audience.enrollmentIds)
  return participants.filter((participant) => picked.has(participant.enrollmentId))
}
