import { describe, expect, it } from '@jest/globals'

import { buildCalendarInvite, calendarInviteAttachment, enrollmentInviteUid } from '../../src/email/calendarInvite'

/** Unfolds RFC 5545 continuation lines and returns `NAME;PARAMS` → value. */
const lines = (text: string) => text.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean)
const property = (text: string, name: string) => lines(text).find((line) => line.startsWith(`${name}:`) || line.startsWith(`${name};`))

const base = {
  uid: enrollmentInviteUid(42),
  sequence: 0,
  method: 'REQUEST' as const,
  title: 'Introducción a SQL',
  description: 'Trae tus preguntas',
  startsAt: new Date('2026-03-12T23:00:00.000Z'),
  durationMinutes: 90,
  timezone: 'America/Lima',
  url: 'https://meet.example.com/sql',
  organizer: { email: 'aula@example.com', name: 'Aula' },
}

describe('calendar invites', () => {
  it('is a REQUEST with a stable UID per enrollment and start/end in the event’s timezone', () => {
    const text = buildCalendarInvite(base)
    expect(property(text, 'METHOD')).toBe('METHOD:REQUEST')
    expect(property(text, 'UID')).toBe('UID:enrollment-42@aula')
    expect(property(text, 'SEQUENCE')).toBe('SEQUENCE:0')
    // 23:00 UTC is 18:00 in Lima (UTC-5); 90 minutes later is 19:30.
    expect(property(text, 'DTSTART')).toBe('DTSTART;TZID=America/Lima:20260312T180000')
    expect(property(text, 'DTEND')).toBe('DTEND;TZID=America/Lima:20260312T193000')
    expect(property(text, 'SUMMARY')).toBe('SUMMARY:Introducción a SQL')
    expect(property(text, 'ORGANIZER')).toContain('mailto:aula@example.com')
  })

  it('uses the zone’s summer offset in summer (Madrid is UTC+2 in July)', () => {
    const text = buildCalendarInvite({ ...base, startsAt: new Date('2026-07-01T13:00:00.000Z'), timezone: 'Europe/Madrid' })
    expect(property(text, 'DTSTART')).toBe('DTSTART;TZID=Europe/Madrid:20260701T150000')
  })

  it('cancels the same calendar entry with METHOD:CANCEL and a higher SEQUENCE', () => {
    const text = buildCalendarInvite({ ...base, method: 'CANCEL', sequence: 2 })
    expect(property(text, 'METHOD')).toBe('METHOD:CANCEL')
    expect(property(text, 'UID')).toBe('UID:enrollment-42@aula')
    expect(property(text, 'SEQUENCE')).toBe('SEQUENCE:2')
    expect(property(text, 'STATUS')).toBe('STATUS:CANCELLED')
  })

  it('comes as a text/calendar attachment carrying its method', () => {
    const attachment = calendarInviteAttachment(base)
    expect(attachment.contentType).toBe('text/calendar; charset=utf-8; method=REQUEST')
    expect(attachment.filename).toBe('invitacion.ics')
    expect(attachment.content).toContain('BEGIN:VEVENT')
  })
})
