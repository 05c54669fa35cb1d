import type { Payload, PayloadRequest } from 'payload'

import { ROLES, type Role } from '../access/roles'
import { DEFAULT_ROLES_FOR_KIND, type NotificationKind } from './kinds'

const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value)

/**
 * The roles that receive `kind`, from the `notification-settings` global (one select per kind, named
 * for it). A kind the global has never stored keeps its default; an empty list stored by an admin means nobody.
 */
export async function rolesForKind(payload: Payload, kind: NotificationKind, req?: PayloadRequest): Promise<Role[]> {
  const stored = (await payload.findGlobal({ slug: 'notification-settings', depth: 0, overrideAccess: true, req })) as unknown as Record<
    string,
    unknown
  >
  const roles = stored?.[kind]
  if (!Array.isArray(roles) || stored?.updatedAt == null) return DEFAULT_ROLES_FOR_KIND[kind]
  return roles.filter(isRole)
}
