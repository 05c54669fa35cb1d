import type { Field, FieldAccess } from 'payload'

const nobody: FieldAccess = () => false

/**
 * The participants' average rating and how many rated, kept on the item by `submitFeedback` (same
 * transaction) so the admin, the dashboard and the public catalogue read two columns, never the
 * comments. Public like the rest of a published item: average and count only.
 */
export const ratingFields: Field[] = [
  {
    type: 'row',
    admin: { position: 'sidebar' },
    fields: [
      {
        name: 'ratingAverage',
        type: 'number',
        min: 1,
        max: 5,
        label: { es: 'Valoración media', en: 'Average rating' },
        admin: {
          readOnly: true,
          description: { es: 'De 1 a 5, según quienes respondieron la encuesta.', en: '1 to 5, from those who answered the survey.' },
          components: { Field: '/src/components/ratings/RatingReadout#RatingReadout' },
        },
        access: { create: nobody, update: nobody },
        hooks: { beforeDuplicate: [() => null] },
      },
      {
        name: 'ratingCount',
        type: 'number',
        defaultValue: 0,
        label: { es: 'Valoraciones', en: 'Ratings' },
        // Read together with the average by its readout; still in the API and the list columns.
        admin: { readOnly: true, hidden: true },
        access: { create: nobody, update: nobody },
        hooks: { beforeDuplicate: [() => 0] },
      },
    ],
  },
]
