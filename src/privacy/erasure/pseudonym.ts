import { randomBytes } from 'node:crypto'

import { personSearchText } from '../../people/personSearch'

/** What an erased person is called from now on, the same on every record of theirs. */
export interface Pseudonym {
  firstName: string
  lastName: string
  fullName: string
  email: string
  searchText: string
}

/** Where erased people's addresses live: `.invalid` never resolves, so nothing can ever be sent there. */
export const ERASED_EMAIL_DOMAIN = 'erased.invalid'

/**
 * "Titular 7F3A9C" and `borrado-<hex>@erased.invalid`: random, so nothing about the person can be
 * read back from it, and different for each erasure, so two erased people never merge.
 */
export function newPseudonym(): Pseudonym {
  const tag = randomBytes(3).toString('hex').toUpperCase()
  const firstName = 'Titular'
  const email = `borrado-${randomBytes(8).toString('hex')}@${ERASED_EMAIL_DOMAIN}`
  return { firstName, lastName: tag, fullName: `${firstName} ${tag}`, email, searchText: personSearchText({ firstName, lastName: tag, email }) }
}

/** The note financial records carry once their holder is erased (the date in the business's words). */
export const erasureNote = (day: string): string => `Datos personales borrados a petición del titular el ${day}.`

/** The reason a certificate of an erased holder is revoked with; its verification page shows it. */
export const ERASURE_REVOKE_REASON = "Borrado a petición del titular (erased at the holder's request)"
