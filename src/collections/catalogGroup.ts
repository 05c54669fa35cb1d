/** The admin sidebar group every catalog collection sits in. */
export const catalogGroup = { es: 'Catálogo', en: 'Catalog' }
