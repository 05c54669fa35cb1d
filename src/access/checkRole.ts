import type { Role } from './roles'

type MaybeUser = { roles?: (Role | string)[] | null } | null | undefined

/** True when the user holds at least one of `roles`. Anonymous callers hold none. */
export const checkRole = (roles: Role[], user: MaybeUser): boolean =>
  Boolean(user?.roles?.some((role) => roles.includes(role as Role)))
