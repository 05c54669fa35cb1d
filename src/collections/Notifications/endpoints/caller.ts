import { type PayloadRequest, type TypedUser, UnauthorizedError } from 'payload'

/** Notifications belong to accounts in `users`; anyone else (anonymous, another auth collection) gets a 401. */
export function notificationOwner(req: PayloadRequest): TypedUser {
  if (!req.user || req.user.collection !== 'users') throw new UnauthorizedError(req.t)
  return req.user
}
