export const WEBINAR_STATUSES = ['draft', 'published', 'completed', 'cancelled'] as const

/** What the website may show: everything but drafts (a cancelled webinar still has a page that says so). */
export const WEBINAR_PUBLIC_STATUSES = ['published', 'completed', 'cancelled'] as const

export const webinarStatusLabels = {
  draft: { es: 'Borrador', en: 'Draft' },
  published: { es: 'Publicado', en: 'Published' },
  completed: { es: 'Finalizado', en: 'Completed' },
  cancelled: { es: 'Cancelado', en: 'Cancelled' },
}
