import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestAula, type TestAula } from '../helpers/aula'
import { createWebinar } from '../helpers/catalog'

type Account = Awaited<ReturnType<TestAula['createUser']>>

let aula: TestAula
let admin: Account

beforeAll(async () => {
  aula = await startTestAula()
  admin = await aula.createUser(['admin'])
})

afterAll(async () => {
  await aula.close()
})

/** What the admin panel sends: Payload's language cookie, set at login from the person's `language`. */
const inLanguage = (language: 'es' | 'en') => ({ token: admin.token, headers: { cookie: `payload-lng=${language}` } })

const newLead = () =>
  aula.payload.create({ collection: 'leads', data: { firstName: 'Ana', lastName: 'Paz', email: `ana-${Math.random()}@x.pe` } as never, overrideAccess: true, depth: 0 })

describe('the admin answers in the person’s language', () => {
  it('a save refused by an Aula rule reads in Spanish for a Spanish admin, toast and field, and names the field', async () => {
    const lead = await newLead()
    const spanish = await aula.api.patch(`/leads/${lead.id}`, { stage: 'lost' }, inLanguage('es'))
    expect(spanish.status).toBe(400)
    expect(spanish.body.errors[0].message).toBe('El siguiente campo es inválido: lostReason')
    expect(spanish.body.errors[0].data.errors).toEqual([{ path: 'lostReason', message: 'Un prospecto perdido necesita un motivo.' }])

    const english = await aula.api.patch(`/leads/${lead.id}`, { stage: 'lost' }, inLanguage('en'))
    expect(english.body.errors[0].message).toBe('The following field is invalid: lostReason')
    expect(english.body.errors[0].data.errors).toEqual([{ path: 'lostReason', message: 'A lost lead needs a reason.' }])
  })

  it('a field check (a meeting link that is no URL) reads in the admin language and still names the field for API clients', async () => {
    const webinar = await createWebinar(aula.payload)
    const spanish = await aula.api.patch(`/webinars/${webinar.id}`, { meetingLink: 'zoom.us/j/1' }, inLanguage('es'))
    expect(spanish.status).toBe(400)
    expect(spanish.body.errors[0].data.errors).toEqual([expect.objectContaining({ path: 'meetingLink', message: 'Debe ser una URL http(s).' })])
    const english = await aula.api.patch(`/webinars/${webinar.id}`, { meetingLink: 'zoom.us/j/1' }, inLanguage('en'))
    expect(english.body.errors[0].data.errors).toEqual([expect.objectContaining({ path: 'meetingLink', message: 'Must be an http(s) URL.' })])
  })

  it('a public form’s field messages (register) read in the visitor’s language, Spanish by default, and name the field', async () => {
    const webinar = await createWebinar(aula.payload)
    const person = { email: 'no es un correo', firstName: 'Ana', lastName: '' }
    const spanish = await aula.api.post(`/webinars/${webinar.id}/register`, person)
    expect(spanish.status).toBe(400)
    expect(spanish.body.errors[0].message).toMatch(/^Los siguientes campos son inválidos/)
    expect(spanish.body.errors[0].data.errors).toEqual([
      { path: 'email', message: 'Debe ser una dirección de correo válida.' },
      { path: 'lastName', message: 'Es obligatorio.' },
    ])
    const english = await aula.api.post(`/webinars/${webinar.id}/register`, person, { headers: { 'accept-language': 'en' } })
    expect(english.body.errors[0].data.errors).toEqual([
      { path: 'email', message: 'email must be a valid email address.' },
      { path: 'lastName', message: 'lastName is required.' },
    ])
  })

  it('a button’s refusal shown as a toast ("Log in to resend an email.") is Spanish for a Spanish admin', async () => {
    const spanish = await aula.api.post('/email-log/1/resend', undefined, { headers: { cookie: 'payload-lng=es' } })
    expect(spanish.status).toBe(401)
    expect(spanish.body.errors[0].message).toBe('Inicia sesión para reenviar un correo.')
    const english = await aula.api.post('/email-log/1/resend', undefined, { headers: { cookie: 'payload-lng=en' } })
    expect(english.body.errors[0].message).toBe('Log in to resend an email.')
  })

  it('duplicating a document names the copy in Spanish ("- copia"), not Payload’s "- Copy"', async () => {
    const webinar = await createWebinar(aula.payload)
    const copy = await aula.api.post(`/webinars/${webinar.id}/duplicate`, {}, inLanguage('es'))
    expect(copy.status).toBe(200)
    expect(copy.body.doc.slug).toBe(`${webinar.slug}-copia`)
  })
})
