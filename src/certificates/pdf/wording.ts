import { VARIABLE, variablesIn } from '../../email/variableSyntax'

/** The variables a certificate's wording may use, with what each prints. */
export const CERTIFICATE_VARIABLES = ['name', 'item', 'hours', 'date', 'number'] as const
export type CertificateVariable = (typeof CERTIFICATE_VARIABLES)[number]

export const unknownWordingVariables = (text: string): string[] =>
  variablesIn(text).filter((name) => !(CERTIFICATE_VARIABLES as readonly string[]).includes(name))

/** Fills `{{variables}}` in; a saved design never holds an unknown one (the collection refuses it). */
export const fillWording = (text: string, values: Record<CertificateVariable, string>): string =>
  text.replace(VARIABLE, (whole, name: string) => (name in values ? values[name as CertificateVariable] : whole))
