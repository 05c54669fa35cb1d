import { Gutter } from '@payloadcms/ui'
import type { DocumentViewServerProps } from 'payload'

import { ParticipantsPage } from './ParticipantsPage'

/**
 * …/collections/webinars/:id/participants (and courses): the list, attendance, CSV and "email these
 * people". The data comes from the page's own endpoints (src/participants), which check who may do what.
 */
export function ParticipantsView(props: DocumentViewServerProps) {
  const { initPageResult, doc } = props
  const collection = initPageResult.collectionConfig?.slug
  if (!doc?.id || (collection !== 'webinars' && collection !== 'courses')) return null
  return (
    <Gutter>
      <ParticipantsPage collection={collection} id={doc.id as number} language={initPageResult.req.i18n.language} />
    </Gutter>
  )
}
