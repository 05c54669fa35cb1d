import { describe, expect, it } from '@jest/globals'

import { buildCalendarInvite, calendarInviteAttachment, enrollmentInviteUid } from '../../src/email/calendarInvite'

/** Unfolds RFC 5545 continuation lines and returns `NAME;PARAMS` → value. */
const lines = (text: string) => text.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean)
const matches = (name: string) => (line: string) => line.startsWith(`${name}:`) || line.startsWith(`${name};`)
/** The property of the event (the VTIMEZONE before it has DTSTARTs of its own), else of the calendar. */
const property = (text: string, name: string) => {
  const all = lines(text)
  return all.slice(all.indexOf('BEGIN:VEVENT')).find(matches(name)) ?? all.find(matches(name))
}

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

  it('carries the zone’s VTIMEZONE, so strict clients read DTSTART in Lima and not as UTC', () => {
    const all = lines(buildCalendarInvite(base))
    const zone = all.slice(all.indexOf('BEGIN:VTIMEZONE'), all.indexOf('END:VTIMEZONE') + 1)
    expect(zone).toContain('TZID:America/Lima')
    // Lima keeps UTC-5 all year: every observance says so.
    expect(zone.filter((line) => line.startsWith('TZOFFSETTO:'))).toEqual(['TZOFFSETTO:-0500'])
    expect(all.indexOf('END:VTIMEZONE')).toBeLessThan(all.indexOf('BEGIN:VEVENT'))
  })

  it('gives Madrid a summer-time (DAYLIGHT) and a winter (STANDARD) observance each year, on the EU’s last-Sunday dates', () => {
    const all = lines(buildCalendarInvite({ ...base, startsAt: new Date('2026-07-01T13:00:00.000Z'), timezone: 'Europe/Madrid' }))
    const text = all.join('\n')
    expect(text).toContain('BEGIN:DAYLIGHT\nDTSTART:20260329T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200\nEND:DAYLIGHT')
    expect(text).toContain('BEGIN:STANDARD\nDTSTART:20261025T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nEND:STANDARD')
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
