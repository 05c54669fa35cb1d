import type { CollectionConfig } from 'payload'

import { isAdmin, isAdminOrSales } from '../../access'
import { exportCsvListComponents } from '../../components/exportCsvButtonConfig'
import { crmGroup } from '../../crm/options'
import { exportCsvEndpoint } from '../../endpoints/exportCsv'
import { notifyCorporateLead } from '../../notifications/triggers/leads'
import { foldSearchQuery } from '../../hooks/foldSearchQuery'
import { timelineEndpoint } from '../../people/timelineEndpoint'
import { normalizeEmail } from '../Users/hooks/normalizeEmail'
import { readOrUpdateLeads } from './access'
import { captureEndpoint } from './endpoints/capture'
import { convertEndpoint } from './endpoints/convert'
import { mergeEndpoint } from './endpoints/merge'
import { leadFields } from './fields'
import { applyStageRules } from './hooks/applyStageRules'
import { assignRoundRobin } from './hooks/assignRoundRobin'
import { computeScore } from './hooks/computeScore'
import { guardAssignment } from './hooks/guardAssignment'
import { notifyAssignee } from './hooks/notifyAssignee'
import { stampInteractions } from './hooks/stampInteractions'

export const Leads: CollectionConfig = {
  slug: 'leads',
  labels: {
    singular: { es: 'Prospecto', en: 'Lead' },
    plural: { es: 'Prospectos', en: 'Leads' },
  },
  admin: {
    useAsTitle: 'email',
    group: crmGroup,
    defaultColumns: ['email', 'firstName', 'lastName', 'company', 'stage', 'score', 'assignedTo', 'nextActionAt'],
    // Name, email or company with accents and case folded (src/people/personSearch.ts).
    listSearchableFields: ['searchText'],
    components: exportCsvListComponents('leads'),
  },
  access: {
    read: readOrUpdateLeads,
    update: readOrUpdateLeads,
    // The website's form posts to the same URL, but through `captureEndpoint`, which keeps it to
    // contact fields; the collection's own create (REST for staff, GraphQL) is staff-only.
    create: isAdminOrSales,
    delete: isAdmin,
  },
  hooks: {
    beforeOperation: [foldSearchQuery],
    // The public form's dedupe looks leads up by lower-cased email; staff-typed ones must match too.
    beforeValidate: [normalizeEmail],
    beforeChange: [guardAssignment, stampInteractions, applyStageRules, assignRoundRobin, computeScore],
    afterChange: [notifyAssignee, notifyCorporateLead],
  },
  // Before the built-in endpoints, so `POST /` and `GET /export.csv` are ours.
  // …and GET /:id/timeline, the lead's history (src/people).
  endpoints: [captureEndpoint, exportCsvEndpoint('leads'), mergeEndpoint, convertEndpoint, timelineEndpoint('leads')],
  fields: leadFields,
  timestamps: true,
  indexes: [{ fields: ['assignedTo', 'stage'] }],
}
