/** Every role a user can hold (`users.roles`). Order matters only for the admin's select list. */
export const ROLES = ['admin', 'editor', 'sales', 'instructor', 'student'] as const
export type Role = (typeof ROLES)[number]

/** Roles that may open the admin panel. Students use the website and apps only. */
export const STAFF_ROLES: Role[] = ['admin', 'editor', 'sales', 'instructor']

/** Roles that edit catalog content. */
export const CONTENT_ROLES: Role[] = ['admin', 'editor']
