import type { GlobalConfig } from 'payload'

import { isAdmin, isAdminOrSales } from '../../access'
import { crmGroup, LEAD_SOURCES, LEAD_TYPES, optionsOf } from '../../crm/options'
import { conditionLabels, DEFAULT_SCORE_RULES, SCORE_CONDITIONS } from '../../crm/scoring'

/** How new leads are assigned and scored. Sales may read it (to see why a lead scored what it did); admins change it. */
export const CrmSettings: GlobalConfig = {
  slug: 'crm-settings',
  label: { es: 'Ajustes del CRM', en: 'CRM settings' },
  admin: { group: crmGroup },
  access: { read: isAdminOrSales, update: isAdmin },
  fields: [
    {
      name: 'autoAssign',
      type: 'checkbox',
      defaultValue: true,
      label: { es: 'Asignar prospectos nuevos automáticamente (por turnos)', en: 'Assign new leads automatically (round robin)' },
    },
    {
      name: 'salesTeam',
      type: 'relationship',
      relationTo: 'users',
      hasMany: true,
      filterOptions: { roles: { contains: 'sales' } },
      label: { es: 'Equipo de ventas (en este orden)', en: 'Sales team (in this order)' },
      admin: { description: { es: 'Quien deje de tener el rol de ventas se salta.', en: 'Anyone who no longer has the sales role is skipped.' } },
    },
    {
      name: 'scoringRules',
      type: 'array',
      label: { es: 'Reglas de puntuación', en: 'Scoring rules' },
      labels: { singular: { es: 'Regla', en: 'Rule' }, plural: { es: 'Reglas', en: 'Rules' } },
      admin: { description: { es: 'Se suman los puntos de cada regla que se cumple; el total queda entre 0 y 100.', en: 'The points of every matching rule are added; the total stays between 0 and 100.' } },
      defaultValue: DEFAULT_SCORE_RULES,
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'condition', type: 'select', required: true, options: SCORE_CONDITIONS.map((value) => ({ value, label: conditionLabels[value] })), label: { es: 'Condición', en: 'Condition' } },
            { name: 'leadType', type: 'select', options: optionsOf(LEAD_TYPES), label: { es: 'Tipo', en: 'Type' }, admin: { condition: (_, row) => row?.condition === 'typeIs' } },
            { name: 'minimum', type: 'number', min: 1, label: { es: 'Mínimo', en: 'Minimum' }, admin: { condition: (_, row) => row?.condition === 'headcountAtLeast' } },
            { name: 'source', type: 'select', options: optionsOf(LEAD_SOURCES), label: { es: 'Origen', en: 'Source' }, admin: { condition: (_, row) => row?.condition === 'sourceIs' } },
            { name: 'points', type: 'number', required: true, min: -100, max: 100, label: { es: 'Puntos', en: 'Points' } },
          ],
        },
        { name: 'label', type: 'text', maxLength: 200, label: { es: 'Texto del motivo (opcional)', en: 'Reason text (optional)' } },
      ],
    },
  ],
}
