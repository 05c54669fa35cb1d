import type { UIField } from 'payload'

/** The "Exportar datos personales" button in the sidebar of users and leads (admins only; the component checks). */
export const exportPersonalDataField = (): UIField => ({
  name: 'exportPersonalData',
  type: 'ui',
  label: { es: 'Exportar datos personales', en: 'Export personal data' },
  admin: {
    position: 'sidebar',
    components: { Field: '/src/components/privacy/ExportPersonalDataButton#ExportPersonalDataButton' },
    condition: (data) => Boolean(data?.id),
  },
})
