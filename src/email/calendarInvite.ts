import ical, { ICalAttendeeRole, ICalCalendarMethod } from 'ical-generator'

import type { EmailAttachment } from './queueEmail'

export interface CalendarInviteInput {
  /** Stable per enrollment (`enrollment-<id>@aula`): calendars update or remove the same event. */
  uid: string
  /** Bumped on every reschedule so calendars replace the old time. */
  sequence: number
  method: 'REQUEST' | 'CANCEL'
  title: string
  description?: string
  startsAt: Date
  durationMinutes: number
  /** The event's IANA zone, shown as the calendar's zone hint. */
  timezone: string
  url?: string
  organizerEmail: string
  attendeeEmail: string
}

/**
 * An RFC 5545 invite as an email attachment. Times are written in UTC (`…Z`): an exact instant
 * every calendar converts to its owner's zone, with no VTIMEZONE table to get wrong. The event's
 * own zone travels as `X-WR-TIMEZONE` for calendars that show it.
 */
export function calendarInvite(input: CalendarInviteInput): EmailAttachment {
  const method = input.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST
  const calendar = ical({ method, prodId: { company: 'Aula', product: 'Aula', language: 'ES' }, x: [{ key: 'X-WR-TIMEZONE', value: input.timezone }] })
  calendar.createEvent({
    id: input.uid,
    sequence: input.sequence,
    start: input.startsAt,
    end: new Date(input.startsAt.getTime() + input.durationMinutes * 60_000),
    summary: input.title,
    description: input.description,
    url: input.url,
    location: input.url,
    organizer: { name: 'Aula', email: input.organizerEmail },
    attendees: [{ email: input.attendeeEmail, rsvp: input.method === 'REQUEST', role: ICalAttendeeRole.REQ }],
    status: input.method === 'CANCEL' ? ('CANCELLED' as never) : ('CONFIRMED' as never),
  })
  return {
    filename: input.method === 'CANCEL' ? 'cancel.ics' : 'invite.ics',
    content: calendar.toString(),
    contentType: `text/calendar; charset=utf-8; method=${input.method}`,
  }
}
