import type { CertificateFacts } from '../types'

/** The two contexts every OB 3.0 credential on the VC 2.0 data model names, in this order. */
export const CREDENTIAL_CONTEXT = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'] as const

export interface OpenBadgeIssuer {
  /** The issuer's URL (this Aula's server URL): `iss` of the JWT. */
  id: string
  name: string
  url: string
}

export interface OpenBadgeInput {
  facts: CertificateFacts
  issuer: OpenBadgeIssuer
  /** Where the certificate's current status is answered (the verify API); also the credential's `id` and the JWT's `jti`. */
  statusUrl: string
  /** A stable URL for what was achieved (the item), shared by every certificate of that item. */
  achievementId: string
  validFrom: Date
}

const WORDS = {
  es: {
    name: (f: CertificateFacts) => `Certificado ${f.number}: ${f.item.title}`,
    description: (f: CertificateFacts) =>
      `${f.holderName} completó «${f.item.title}» (${hoursText(f.hours, 'es')}) el ${dayFirst(f.completedOn)}. Certificado ${f.number}, versión ${f.version}.`,
    achievement: (f: CertificateFacts) => `${f.item.relationTo === 'courses' ? 'Curso' : 'Webinar'} de ${hoursText(f.hours, 'es')}.`,
    criteria: (f: CertificateFacts) =>
      f.item.relationTo === 'courses'
        ? 'Asistir al menos al porcentaje de sesiones que el curso exige para completarlo.'
        : 'Asistir al webinar.',
  },
  en: {
    name: (f: CertificateFacts) => `Certificate ${f.number}: ${f.item.title}`,
    description: (f: CertificateFacts) =>
      `${f.holderName} completed "${f.item.title}" (${hoursText(f.hours, 'en')}) on ${f.completedOn}. Certificate ${f.number}, version ${f.version}.`,
    achievement: (f: CertificateFacts) => `${f.item.relationTo === 'courses' ? 'Course' : 'Webinar'} of ${hoursText(f.hours, 'en')}.`,
    criteria: (f: CertificateFacts) =>
      f.item.relationTo === 'courses' ? 'Attend at least the share of sessions the course requires for completion.' : 'Attend the webinar.',
  },
}

/** `YYYY-MM-DD` as Spanish readers write it (`16/11/2026`); English keeps the unambiguous ISO form. */
const dayFirst = (day: string) => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? day.split('-').reverse().join('/') : day)

function hoursText(hours: number, language: 'es' | 'en') {
  const unit = language === 'es' ? (hours === 1 ? 'hora' : 'horas') : hours === 1 ? 'hour' : 'hours'
  return `${hours.toLocaleString(language)} ${unit}`
}

/**
 * An Open Badges 3.0 `OpenBadgeCredential` on the W3C VC Data Model 2.0, built only from the frozen
 * facts (docs/decisions/0017). It names the holder by the printed name (an unhashed `name`
 * identifier) and nothing else about them: no email, no account id, exactly what the public
 * verification page already shows.
 */
export function openBadgeCredential({ facts, issuer, statusUrl, achievementId, validFrom }: OpenBadgeInput) {
  const words = WORDS[facts.language] ?? WORDS.es
  return {
    '@context': [...CREDENTIAL_CONTEXT],
    id: statusUrl,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: words.name(facts),
    description: words.description(facts),
    issuer: { id: issuer.id, type: ['Profile'], name: issuer.name, url: issuer.url },
    validFrom: validFrom.toISOString(),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: facts.holderName }],
      achievement: {
        id: achievementId,
        type: ['Achievement'],
        achievementType: 'Certificate',
        name: facts.item.title,
        description: words.achievement(facts),
        criteria: { narrative: words.criteria(facts) },
        inLanguage: facts.language,
      },
    },
  }
}

export type OpenBadgeCredential = ReturnType<typeof openBadgeCredential>
