import type { Access } from 'payload'

/** Everyone, admins included, sees and touches only their own notifications: they are personal. */
export const ownNotifications: Access = ({ req: { user } }) => {
  if (!user || user.collection !== 'users') return false
  return { recipient: { equals: user.id } }
}
