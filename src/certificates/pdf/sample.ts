import type { CertificateFacts } from '../types'

/** What the admin preview prints: a name with the accents and letters real names have. */
export const sampleFacts = (language: 'es' | 'en', today: Date): CertificateFacts => {
  const isoDate = today.toISOString().slice(0, 10)
  return {
    number: `AULA-${isoDate.slice(0, 4)}-000123`,
    verificationCode: 'vista-previa',
    version: 1,
    status: 'valid',
    holderName: 'María José Núñez Łukasiewicz',
    item: { relationTo: 'courses', id: 0, title: language === 'es' ? 'Gestión de proyectos con metodologías ágiles' : 'Agile project management' },
    hours: 24,
    completedOn: isoDate,
    issuedOn: isoDate,
    signatoryName: '',
    signatoryTitle: null,
    language,
  }
}
