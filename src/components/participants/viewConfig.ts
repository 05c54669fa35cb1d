import type { DocumentViewConfig } from 'payload'

/**
 * The "Participantes" tab on a webinar's or course's edit view (…/collections/webinars/7/participants).
 * Plain data, imported by the collection configs; the components are referenced by path.
 */
export const participantsDocumentView: DocumentViewConfig = {
  Component: '/src/components/participants/ParticipantsView#ParticipantsView',
  path: '/participants',
  tab: {
    Component: '/src/components/participants/ParticipantsTab#ParticipantsTab',
    order: 150,
  },
}

/** The page's address for an item, for links from elsewhere (the dashboard cards). */
export const participantsPath = (adminRoute: string, collection: string, id: number | string) => `${adminRoute}/collections/${collection}/${id}/participants`
