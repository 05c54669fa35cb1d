import type { TimelineSource } from '../types'

/** When the person's account was made (by registering, being converted from a lead, or invited). */
export const accountSource: TimelineSource = {
  name: 'account',
  label: { es: 'Cuenta', en: 'Account' },
  appliesTo: ['user'],
  async load({ subject, language }) {
    if (!subject.doc.createdAt) return []
    return [{ at: subject.doc.createdAt, source: 'account', title: language === 'en' ? 'Account created' : 'Cuenta creada', link: { collection: 'users', id: subject.doc.id } }]
  },
}
