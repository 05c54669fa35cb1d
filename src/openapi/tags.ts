/** What each hand-chosen tag of customOperations.ts groups, for the reference's section headings. */
const CUSTOM_TAGS: Record<string, string> = {
  Authentication: 'Log in, log out, tokens and password resets (Payload’s auth operations on `users`).',
  Registration: 'Public registration for webinars and courses, prices with coupons, and the pages linked from emails.',
  Participants: 'Staff and speakers working with the people of one webinar or course: lists, attendance, messages.',
  Exports: 'CSV exports that honour the list filters and the caller’s access.',
  Catalog: 'Catalogue operations beyond Payload’s CRUD: cancelling an item, follow-ups, duplicates, the calendar.',
  Email: 'Email templates, rules, the email plan of an item or person, campaigns and unsubscribing.',
  Privacy: 'Personal data exports and erasure.',
  Documentation: 'This API description and its readable page.',
  Operations: 'Health, metrics and Stripe’s webhook: for monitors and providers, not for frontends.',
  Settings: 'Globals: settings staff apps read and admins change.',
}

/**
 * The document's tag list with a description each: the hand-written ones above, and for a
 * collection's label the collection it stands for.
 */
export function describeTags(names: string[], collectionLabels: Map<string, string>): { name: string; description: string }[] {
  return names.map((name) => {
    const slug = collectionLabels.get(name)
    const description = CUSTOM_TAGS[name] ?? (slug ? `The \`${slug}\` collection: Payload’s REST operations (list with \`where\`/\`sort\`/\`select\`/\`depth\`, read, create, update, delete) and Aula’s own on it; each caller sees and changes only what the access rules allow.` : name)
    return { name, description }
  })
}
