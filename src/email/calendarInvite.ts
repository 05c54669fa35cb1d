import { TZDate } from '@date-fns/tz'
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator'

import type { EmailAttachment } from './queueEmail'

export interface CalendarInviteInput {
  /** Stable per enrollment, so an update or a cancellation replaces the same calendar entry: `enrollment-<id>@aula`. */
  uid: string
  /** Raise it on every change of the same event (reschedule, cancellation); calendars keep the highest. */
  sequence: number
  method: 'REQUEST' | 'CANCEL'
  title: string
  description?: string
  startsAt: Date
  durationMinutes: number
  /** The event's IANA timezone: DTSTART/DTEND carry it, so the entry shows the right local time everywhere. */
  timezone: string
  url?: string
  location?: string
  organizer: { email: string; name?: string }
}

export const enrollmentInviteUid = (enrollmentId: number | string) => `enrollment-${enrollmentId}@aula`

/** An iCalendar invite (RFC 5545) for one event. Pure: plain data in, text out. */
export function buildCalendarInvite(input: CalendarInviteInput): string {
  const calendar = ical({
    prodId: { company: 'Aula', product: 'Aula', language: 'ES' },
    method: input.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  })
  const endsAt = new Date(input.startsAt.getTime() + input.durationMinutes * 60_000)
  // ical-generator writes a plain Date in the process's own timezone; a TZDate carries the event's.
  calendar.createEvent({
    id: input.uid,
    sequence: input.sequence,
    start: new TZDate(input.startsAt.getTime(), input.timezone),
    end: new TZDate(endsAt.getTime(), input.timezone),
    timezone: input.timezone,
    summary: input.title,
    description: input.description,
    url: input.url,
    location: input.location ?? input.url,
    organizer: { email: input.organizer.email, name: input.organizer.name ?? 'Aula' },
    status: input.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  })
  return calendar.toString()
}

/** The invite as an email attachment for queueEmail. */
export const calendarInviteAttachment = (input: CalendarInviteInput): EmailAttachment => ({
  filename: input.method === 'CANCEL' ? 'cancelacion.ics' : 'invitacion.ics',
  content: buildCalendarInvite(input),
  contentType: `text/calendar; charset=utf-8; method=${input.method}`,
})
