import type { Payload } from 'payload'

import type { Role } from '../access'

interface DemoUser {
  email: string
  firstName: string
  lastName: string
  roles: Role[]
  language: 'es' | 'en'
}

/** Staff for each role, so every part of the admin can be tried. They share the seed admin's password. */
export const DEMO_STAFF: DemoUser[] = [
  { email: 'editora@aula.local', firstName: 'Lucía', lastName: 'Fernández', roles: ['editor'], language: 'es' },
  { email: 'ventas@aula.local', firstName: 'Diego', lastName: 'Ramírez', roles: ['sales'], language: 'es' },
  { email: 'ventas2@aula.local', firstName: 'Valeria', lastName: 'Torres', roles: ['sales'], language: 'es' },
  { email: 'instructor@aula.local', firstName: 'Carlos', lastName: 'Mendoza', roles: ['instructor'], language: 'es' },
  { email: 'estudiante@aula.local', firstName: 'Sofía', lastName: 'Quispe', roles: ['student'], language: 'es' },
]

export async function seedUsers(payload: Payload, admin: { email: string; password: string }): Promise<number> {
  const people: DemoUser[] = [
    { email: admin.email, firstName: 'Admin', lastName: 'Aula', roles: ['admin'], language: 'es' },
    ...DEMO_STAFF,
  ]
  let created = 0
  for (const person of people) {
    const email = person.email.toLowerCase()
    const existing = await payload.count({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true })
    if (existing.totalDocs > 0) continue
    await payload.create({
      collection: 'users',
      overrideAccess: true,
      disableVerificationEmail: true,
      data: { ...person, email, password: admin.password, _verified: true },
    })
    created += 1
  }
  return created
}
