/** `{{name}}` and `{{ name }}` both work: staff type either. */
export const VARIABLE = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g

export const variablesIn = (text: string): string[] => [...new Set([...text.matchAll(VARIABLE)].map((match) => match[1]))]
