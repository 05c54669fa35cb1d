import { issueCertificate } from '../../src/certificates/issue'
import type { TestAula } from './aula'
import { createWebinar } from './catalog'

let counter = 0

/**
 * A student registered for a free webinar and given a certificate by hand (the issue path staff
 * use), for the verification and credential specs. `person` overrides the student's fields.
 */
export async function issuedCertificateFor(aula: TestAula, person: Record<string, unknown> = {}, webinar: Record<string, unknown> = {}) {
  counter += 1
  const student = await aula.createUser(['student'], { firstName: 'Rosa', lastName: `Quispe ${counter}`, language: 'es', ...person })
  const item = await createWebinar(aula.payload, { title: `Excel para finanzas ${counter}`, durationMinutes: 90, ...webinar })
  const registered = await aula.api.post(`/webinars/${item.id}/register`, undefined, { token: student.token })
  if (registered.status !== 201) throw new Error(`Registration failed: ${registered.status} ${registered.text}`)
  const certificate = await issueCertificate(aula.payload, { enrollmentId: registered.body.doc.id, note: `Emitido a mano para la prueba ${counter}` })
  return { student, webinar: item, enrollmentId: registered.body.doc.id as number, certificate }
}
