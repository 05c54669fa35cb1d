import { type PayloadRequest, ValidationError } from 'payload'

import { parseInput } from '../../endpoints/parseInput'
import { parseDocumentId } from '../../utilities/documentId'
import { say } from '../../i18n/say'
import type { ExportSubject } from './types'

/**
 * `?user=<id>` or `?email=<address>` (exactly one, once): whose data. Anything else is a 400 naming
 * the parameter, before any read.
 */
export function subjectFromQuery(req: PayloadRequest): ExportSubject {
  const params = req.searchParams ?? new URLSearchParams()
  for (const name of ['user', 'email'] as const) {
    if (params.getAll(name).length > 1) throw new ValidationError({ errors: [{ path: name, message: say(req, { es: `${name} solo puede ir una vez.`, en: `${name} may be given once.` }) }] })
  }
  const { email } = parseInput({ email: params.get('email') ?? undefined }, { email: { kind: 'email' } })
  const rawUser = params.get('user')
  const user = rawUser === null || rawUser.trim() === '' ? undefined : parseDocumentId(rawUser)
  if (user === null) throw new ValidationError({ errors: [{ path: 'user', message: say(req, { es: 'user debe ser el id de una cuenta (un número entero).', en: 'user must be an account id (a whole number).' }) }] })
  if (user !== undefined && email !== undefined) {
    throw new ValidationError({ errors: [{ path: 'email', message: say(req, { es: 'Indica user o email, no ambos.', en: 'Give user or email, not both.' }) }] })
  }
  if (user === undefined && email === undefined) {
    throw new ValidationError({ errors: [{ path: 'user', message: say(req, { es: 'Indica user (id de la cuenta) o email.', en: 'Give user (the account id) or email.' }) }] })
  }
  return user !== undefined ? { userId: user } : { email }
}
