export const COURSE_STATUSES = ['draft', 'published', 'in_progress', 'completed', 'cancelled'] as const

/** Everything but drafts: a course keeps its public page while it runs and after it ends. */
export const COURSE_PUBLIC_STATUSES = ['published', 'in_progress', 'completed', 'cancelled'] as const

export const courseStatusLabels = {
  draft: { es: 'Borrador', en: 'Draft' },
  published: { es: 'Publicado', en: 'Published' },
  in_progress: { es: 'En curso', en: 'In progress' },
  completed: { es: 'Finalizado', en: 'Completed' },
  cancelled: { es: 'Cancelado', en: 'Cancelled' },
}
