/**
 * Names for operationIds and schema components, from a collection or global slug:
 * `webinars` → `Webinars` / `Webinar`, `email-log` → `EmailLog`, `categories` → `Category`.
 * Generated clients turn these into method and type names, so they must stay stable: they come
 * from the slug (which the REST paths already freeze), never from the translatable labels.
 */
export const pascalCase = (slug: string): string =>
  slug
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('')

/** English singular of a slug's last word; uncountable slugs (`media`, `attendance`) stay as they are. */
export const singularName = (slug: string): string => {
  const plural = pascalCase(slug)
  if (/ies$/.test(plural)) return plural.replace(/ies$/, 'y')
  if (/(ss|us)$/.test(plural) || !/s$/.test(plural)) return plural
  return plural.replace(/s$/, '')
}
