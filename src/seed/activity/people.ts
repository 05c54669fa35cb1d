import type { PersonInput } from '../../enrollment/findOrCreatePerson'

/**
 * The demo's participants. They register through the website's own path, which creates their
 * student accounts (findOrCreatePerson). Addresses are on example.com (reserved, RFC 2606): when
 * SMTP is configured the demo's emails really go out, and nobody real receives them.
 */
export const PARTICIPANTS = {
  camila: { email: 'camila.rojas@example.com', firstName: 'Camila', lastName: 'Rojas', phone: '+51 987 100 201', company: 'Banco Andino' },
  andres: { email: 'andres.huaman@example.com', firstName: 'Andrés', lastName: 'Huamán', phone: '+51 987 100 202' },
  valentina: { email: 'valentina.castro@example.com', firstName: 'Valentina', lastName: 'Castro', company: 'Retail Sur' },
  sebastian: { email: 'sebastian.flores@example.com', firstName: 'Sebastián', lastName: 'Flores', phone: '+51 987 100 204' },
  daniela: { email: 'daniela.vargas@example.com', firstName: 'Daniela', lastName: 'Vargas', company: 'Clínica Vida' },
  renato: { email: 'renato.chavez@example.com', firstName: 'Renato', lastName: 'Chávez', phone: '+51 987 100 206' },
  gabriela: { email: 'gabriela.soto@example.com', firstName: 'Gabriela', lastName: 'Soto' },
  fernando: { email: 'fernando.diaz@example.com', firstName: 'Fernando', lastName: 'Díaz', company: 'Minera Andina S.A.' },
  /** The seeded student account (users.ts): her enrollments show on her own account. */
  sofia: { email: 'estudiante@aula.local' },
} satisfies Record<string, PersonInput>

export type ParticipantKey = keyof typeof PARTICIPANTS
