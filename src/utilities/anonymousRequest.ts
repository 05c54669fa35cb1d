/**
 * A request with no credentials of any kind Aula accepts (a JWT or API key in `Authorization`, the
 * admin's `payload-token` cookie): Payload would read it as nobody. Catalog answers made for such a
 * request are the same for every anonymous reader.
 */
export const isAnonymousRequest = (request: Request): boolean => !request.headers.has('authorization') && !/(^|;\s*)payload-token=/.test(request.headers.get('cookie') ?? '')
