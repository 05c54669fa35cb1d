import type { UIField } from 'payload'

/** "Correos programados" in a saved webinar's or course's sidebar (src/components/emailPlan/ItemEmailPlan.tsx). */
export const itemEmailPlanField: UIField = {
  name: 'emailPlan',
  type: 'ui',
  label: { es: 'Correos programados', en: 'Scheduled emails' },
  admin: {
    position: 'sidebar',
    components: { Field: '/src/components/emailPlan/ItemEmailPlan#ItemEmailPlan' },
  },
}

/** What a person got and will get, on their user page (src/components/emailPlan/PersonEmailPlan.tsx); nothing before the first save. */
export const personEmailPlanField: UIField = {
  name: 'emailPlan',
  type: 'ui',
  label: { es: 'Correos de esta persona', en: 'This person’s emails' },
  admin: {
    components: { Field: '/src/components/emailPlan/PersonEmailPlan#PersonEmailPlan' },
    condition: (data) => Boolean(data?.id),
  },
}
