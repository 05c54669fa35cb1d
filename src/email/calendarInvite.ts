import { TZDate } from '@date-fns/tz'
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator'

import type { EmailAttachment } from './queueEmail'
import { buildVTimezone } from './vtimezone'

/** One entry of a calendar file: a webinar, or one session of a course. */
export interface CalendarEventInput {
  /** Stable per enrollment (and session), so an update or a cancellation replaces the same calendar entry. */
  uid: string
  /** Raise it on every change of the same event (reschedule, cancellation); calendars keep the highest. */
  sequence: number
  title: string
  description?: string
  startsAt: Date
  durationMinutes: number
  url?: string
  location?: string
  /** Inside a REQUEST, an entry the calendar should drop (STATUS:CANCELLED); a CANCEL file cancels all of its entries. */
  cancelled?: boolean
}

export interface CalendarInput {
  method: 'REQUEST' | 'CANCEL'
  /** The IANA zone every entry's DTSTART/DTEND carry; the file holds its VTIMEZONE. */
  timezone: string
  organizer: { email: string; name?: string }
  events: CalendarEventInput[]
}

/** A single-event invite, as webinars send it. */
export type CalendarInviteInput = CalendarEventInput & Omit<CalendarInput, 'events'>

export const enrollmentInviteUid = (enrollmentId: number | string) => `enrollment-${enrollmentId}@aula`
/** One per enrollment and session: a course's calendar file holds one entry per session, each replaced on its own. */
export const sessionInviteUid = (enrollmentId: number | string, sessionId: string) => `enrollment-${enrollmentId}-session-${sessionId}@aula`

/** An iCalendar file (RFC 5545) with one VEVENT per entry and the zone's VTIMEZONE. Pure: plain data in, text out. */
export function buildCalendar(input: CalendarInput): string {
  const times = input.events.map((event) => event.startsAt.getTime())
  const from = new Date(Math.min(...times))
  const until = new Date(Math.max(...times))
  const calendar = ical({
    prodId: { company: 'Aula', product: 'Aula', language: 'ES' },
    method: input.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    timezone: { name: input.timezone, generator: (zone) => buildVTimezone(zone, from, until) },
  })
  for (const event of input.events) {
    const endsAt = new Date(event.startsAt.getTime() + event.durationMinutes * 60_000)
    const cancelled = input.method === 'CANCEL' || event.cancelled
    // ical-generator writes a plain Date in the process's own timezone; a TZDate carries the event's.
    calendar.createEvent({
      id: event.uid,
      sequence: event.sequence,
      start: new TZDate(event.startsAt.getTime(), input.timezone),
      end: new TZDate(endsAt.getTime(), input.timezone),
      timezone: input.timezone,
      summary: event.title,
      description: event.description,
      url: event.url,
      location: event.location ?? event.url,
      organizer: { email: input.organizer.email, name: input.organizer.name ?? 'Aula' },
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    })
  }
  return calendar.toString()
}

/** An iCalendar invite for one event. */
export function buildCalendarInvite(input: CalendarInviteInput): string {
  const { method, timezone, organizer, ...event } = input
  return buildCalendar({ method, timezone, organizer, events: [event] })
}

/** A calendar file as an email attachment for queueEmail. */
export const calendarAttachment = (input: CalendarInput, filename?: string): EmailAttachment => ({
  filename: filename ?? (input.method === 'CANCEL' ? 'cancelacion.ics' : 'invitacion.ics'),
  content: buildCalendar(input),
  contentType: `text/calendar; charset=utf-8; method=${input.method}`,
})

/** The single-event invite as an email attachment. */
export const calendarInviteAttachment = (input: CalendarInviteInput): EmailAttachment => {
  const { method, timezone, organizer, ...event } = input
  return calendarAttachment({ method, timezone, organizer, events: [event] })
}
