import { foldText } from './foldText'

/** "Introducción a la Programación" → "introduccion-a-la-programacion". */
export const slugify = (text: string): string =>
  foldText(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
