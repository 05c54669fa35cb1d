import type { CollectionAdminOptions } from 'payload'

/** `admin.components` for a list view with the "Exportar CSV / Export CSV" button (the collection needs `exportCsvEndpoint`). */
export const exportCsvListComponents = (collection: string): NonNullable<CollectionAdminOptions['components']> => ({
  beforeListTable: [{ path: '/src/components/ExportCsvButton#ExportCsvButton', clientProps: { collection } }],
})
