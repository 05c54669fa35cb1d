import type { CollectionConfig } from 'payload'

import { adminOrSelf, isAdmin, isStaff } from '../../access'
import { authEmails } from './authEmails'
import { readUsers } from './access'
import { userFields } from './fields'
import { exportCsvListComponents } from '../../components/exportCsvButtonConfig'
import { exportCsvEndpoint } from '../../endpoints/exportCsv'
import { confirmEmailChangeEndpoints } from './endpoints/confirmEmailChange'
import { forgotPasswordEndpoint } from './endpoints/forgotPassword'
import { personEmailPlanEndpoint } from '../../automation/rules/timelineEndpoints'
import { endAllSessionsOnPasswordReset, endOtherSessionsOnPasswordChange, markPasswordReset } from './hooks/endOtherSessionsOnPasswordChange'
import { holdEmailChangeForConfirmation } from './hooks/holdEmailChangeForConfirmation'
import { inviteInsteadOfPassword, sendInvitation } from './hooks/inviteInsteadOfPassword'
import { equalizeLoginTiming } from './hooks/equalizeLoginTiming'
import { followUserLanguage } from './hooks/followUserLanguage'
import { makeFirstUserAdmin } from './hooks/makeFirstUserAdmin'
import { normalizeEmail } from './hooks/normalizeEmail'
import { foldSearchQuery } from '../../hooks/foldSearchQuery'
import { resyncPersonSearchText } from '../../people/resyncPersonSearchText'
import { timelineEndpoint } from '../../people/timelineEndpoint'
import { deleteNotificationsOfUser } from '../../notifications/deleteNotificationsOfUser'

export const Users: CollectionConfig = {
  slug: 'users',
  labels: {
    singular: { es: 'Usuario', en: 'User' },
    plural: { es: 'Usuarios', en: 'Users' },
  },
  admin: {
    useAsTitle: 'displayName',
    defaultColumns: ['displayName', 'email', 'roles', 'company'],
    // By name, email or company, accents and case folded (src/people/personSearch.ts).
    listSearchableFields: ['searchText'],
    group: { es: 'Administración', en: 'Administration' },
    components: exportCsvListComponents('users'),
  },
  auth: {
    tokenExpiration: 60 * 60 * 8,
    // Payload's default, stated because Aula relies on it: each token names a session stored on the
    // user, so ending sessions (on a password change) revokes tokens at once.
    useSessions: true,
    maxLoginAttempts: 5,
    lockTime: 15 * 60 * 1000,
    verify: { generateEmailHTML: authEmails.verify.html, generateEmailSubject: authEmails.verify.subject },
    forgotPassword: {
      generateEmailHTML: authEmails.forgotPassword.html,
      generateEmailSubject: authEmails.forgotPassword.subject,
    },
  },
  access: {
    admin: ({ req }) => Boolean(isStaff({ req })),
    read: readUsers,
    create: isAdmin,
    update: adminOrSelf,
    delete: isAdmin,
    unlock: isAdmin,
  },
  hooks: {
    // equalizeLoginTiming: an unknown or locked account takes as long to refuse as a wrong password.
    // inviteInsteadOfPassword: an admin creating a person without a password invites them (src/accounts/invitation.ts).
    beforeOperation: [markPasswordReset, equalizeLoginTiming, foldSearchQuery, inviteInsteadOfPassword],
    beforeValidate: [normalizeEmail, endAllSessionsOnPasswordReset],
    beforeChange: [makeFirstUserAdmin, holdEmailChangeForConfirmation, endOtherSessionsOnPasswordChange],
    // A renamed person is found under the new name in enrollments and payments too.
    afterChange: [resyncPersonSearchText, sendInvitation],
    afterLogin: [followUserLanguage],
    // Their notifications go with them (src/notifications).
    beforeDelete: [deleteNotificationsOfUser],
  },
  // GET /api/users/export.csv (admins: every user; anyone else: their own row);
  // GET|POST /api/users/confirm-email-change (the link mailed to a new address);
  // POST /api/users/forgot-password, answering before the work so timing tells no account apart.
  // GET /api/users/:id/timeline, the person's history for staff (src/people).
  endpoints: [exportCsvEndpoint('users'), ...confirmEmailChangeEndpoints, forgotPasswordEndpoint, timelineEndpoint('users'), personEmailPlanEndpoint],
  fields: userFields,
}
