import type { UIField } from 'payload'

/** The person's timeline on their edit page (src/components/people/PersonTimeline.tsx); nothing before the first save. */
export const timelineField = (): UIField => ({
  name: 'timeline',
  type: 'ui',
  label: { es: 'Historial', en: 'Timeline' },
  admin: {
    components: { Field: '/src/components/people/PersonTimeline#PersonTimeline' },
    condition: (data) => Boolean(data?.id),
  },
})

/** A link from a row about a person (an enrollment, a payment) to that person's page and timeline. */
export const personTimelineLinkField = (): UIField => ({
  name: 'personTimeline',
  type: 'ui',
  label: { es: 'Historial de la persona', en: 'Person’s timeline' },
  admin: {
    position: 'sidebar',
    components: { Field: '/src/components/people/PersonTimelineLink#PersonTimelineLink' },
  },
})
