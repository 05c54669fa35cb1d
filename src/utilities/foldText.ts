/**
 * Lowercases and strips diacritics ("Programación" → "programacion", "ñ" → "n"), so Spanish text
 * can be matched and turned into URLs regardless of accents and case.
 */
export const foldText = (text: string): string =>
  text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
