import { type KnowsLanguage, say } from '../i18n/say'
import { hasContent } from './templateBody/nodes'
import { unpickedVariablesIn, variablesInContent } from './templateBody/variables'
import { ALLOWED_VARIABLES, type EmailTemplateKey } from './templateVariables'
import { variablesIn } from './variableSyntax'

/** One wording for every field that can hold a variable (subject, rich-text body, older HTML body). */
export const unknownVariablesMessage = (key: EmailTemplateKey, unknown: string[], language: KnowsLanguage): string => {
  const names = unknown.map((name) => `{{${name}}}`).join(', ')
  const allowed = ALLOWED_VARIABLES[key].join(', ')
  return say(language, {
    es: `Este correo no tiene la variable ${names} ("${key}"). Variables disponibles: ${allowed}`,
    en: `Unknown variable ${names} for "${key}". Allowed: ${allowed}`,
  })
}

const unknownIn = (key: EmailTemplateKey, names: string[]) => names.filter((name) => !ALLOWED_VARIABLES[key].includes(name))

/** The variables a template uses that its email does not provide, as errors on the field that holds them. */
export function templateVariableErrors(
  key: EmailTemplateKey,
  template: { subject?: unknown; content?: unknown; body?: unknown },
  language: KnowsLanguage,
): { path: string; message: string }[] {
  const found: [string, string[]][] = [
    ['subject', typeof template.subject === 'string' ? unknownIn(key, variablesIn(template.subject)) : []],
    ['content', hasContent(template.content) ? unknownIn(key, variablesInContent(template.content)) : []],
    ['body', typeof template.body === 'string' ? unknownIn(key, variablesIn(template.body)) : []],
  ]
  const errors = found.filter(([, unknown]) => unknown.length).map(([path, unknown]) => ({ path, message: unknownVariablesMessage(key, unknown, language) }))
  if (hasContent(template.content) && unpickedVariablesIn(template.content) > 0) errors.push({ path: 'content', message: unpickedVariableMessage(language) })
  return errors
}

/** A variable chip with nothing picked: said instead of sending an email with a gap in it. */
export const unpickedVariableMessage = (language: KnowsLanguage): string =>
  say(language, {
    es: 'Una variable del texto no tiene elegido qué dato muestra: haz clic en ella y elige uno.',
    en: 'A variable in the text has nothing picked: click it and choose one.',
  })
