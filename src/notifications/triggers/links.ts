import { idOf } from '../../crm/ids'

/** Staff open the document in the admin: a path, so it works behind any host the admin is served from. */
export const adminDocumentPath = (collection: string, id: number | string) => `/admin/collections/${collection}/${id}`

/** `«Title»`, short enough for a notification's one-line title. */
export const quoted = (title: string) => `«${title.length > 80 ? `${title.slice(0, 79)}…` : title}»`

/** "The person" a student's notification goes to: the document's user, or nobody when it has none. */
export const personOf = (user: unknown): number[] => {
  const id = idOf(user)
  return id ? [id] : []
}
