import type { CollectionConfig } from 'payload'

import { isContentEditor, isStaff } from '../../access'
import { emailRuleFields } from './fields'
import { queueReplanOnRuleChange, queueReplanOnRuleDelete } from './hooks/queueReplan'
import { validateRule } from './hooks/validateRule'

/**
 * When each automatic email goes out, and to whom: the reminders, access links and follow-ups are
 * rules staff can read, add, edit and switch off (docs/automation.md, docs/decisions/0023-email-rules.md).
 */
export const EmailRules: CollectionConfig = {
  slug: 'email-rules',
  labels: {
    singular: { es: 'Regla de correo', en: 'Email rule' },
    plural: { es: 'Reglas de correo', en: 'Email rules' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'templateKey', 'trigger', 'active', 'updatedAt'],
    group: { es: 'Correo', en: 'Email' },
  },
  access: {
    read: isStaff,
    create: isContentEditor,
    update: isContentEditor,
    delete: isContentEditor,
  },
  hooks: { beforeChange: [validateRule], afterChange: [queueReplanOnRuleChange], afterDelete: [queueReplanOnRuleDelete] },
  fields: emailRuleFields,
}
