import type { PayloadRequest } from 'payload'

import { sessionsOf, type CourseWithSessions } from '../courses/sessions'
import type { EmailLocale } from '../email/templateVariables'
import type { ItemCollection } from '../enrollment/statuses'
import { escapeHtml } from '../utilities/escapeHtml'

/** One line of the follow-up's list: a name and where it opens. */
export interface Material {
  label: { es: string; en: string }
  url: string
}

type Resource = { label?: string | null; url?: string | null; file?: number | { id: number } | null }
type SessionWithMaterials = { id?: string | null; recordingUrl?: string | null; resources?: Resource[] | null }

const fileId = (file: Resource['file']) => (file == null ? null : typeof file === 'object' ? file.id : Number(file))

/** Absolute: a mail client has no page to resolve `/api/media/file/…` against (object storage gives full URLs already). */
const absolute = (req: PayloadRequest, url: string) => (url.startsWith('/') ? `${req.payload.config.serverURL}${url}` : url)

/**
 * What a finished item shares, in order: a webinar's recording and resources; a course's recordings
 * and resources session by session, then the course's own. Files are read once (one query for all).
 */
export async function materialsOf(req: PayloadRequest, collection: ItemCollection, item: Record<string, unknown>): Promise<{ recordingUrl: string; materials: Material[] }> {
  const entries: { label: { es: string; en: string }; url?: string | null; file?: number | null }[] = []
  const fromResources = (resources: Resource[] | null | undefined, prefix?: { es: string; en: string }) => {
    for (const resource of resources ?? []) {
      const name = String(resource.label ?? '').trim()
      if (!name) continue
      entries.push({ label: prefix ? { es: `${prefix.es}: ${name}`, en: `${prefix.en}: ${name}` } : { es: name, en: name }, url: resource.url, file: fileId(resource.file) })
    }
  }
  let recordingUrl = ''
  if (collection === 'webinars') {
    recordingUrl = String(item.recordingUrl ?? '')
    if (recordingUrl) entries.push({ label: { es: 'Grabación', en: 'Recording' }, url: recordingUrl })
    fromResources(item.resources as Resource[])
  } else {
    const raw = new Map<string, SessionWithMaterials>()
    for (const module of (item.modules as { sessions?: SessionWithMaterials[] | null }[] | null) ?? []) {
      for (const session of module.sessions ?? []) if (session.id) raw.set(session.id, session)
    }
    for (const session of sessionsOf(item as CourseWithSessions)) {
      const stored = raw.get(session.id)
      const name = { es: `Sesión ${session.number}${session.name ? ` «${session.name}»` : ''}`, en: `Session ${session.number}${session.name ? ` "${session.name}"` : ''}` }
      if (stored?.recordingUrl) {
        recordingUrl ||= stored.recordingUrl
        entries.push({ label: { es: `${name.es}: grabación`, en: `${name.en}: recording` }, url: stored.recordingUrl })
      }
      fromResources(stored?.resources, name)
    }
    fromResources(item.resources as Resource[])
  }
  const fileIds = [...new Set(entries.map((entry) => entry.file).filter((id): id is number => id != null))]
  const files = fileIds.length
    ? (await req.payload.find({ collection: 'media', where: { id: { in: fileIds } }, depth: 0, pagination: false, overrideAccess: true, req })).docs
    : []
  const urlOf = new Map(files.map((file) => [file.id as number, file.url ? absolute(req, String(file.url)) : null]))
  const materials: Material[] = []
  for (const entry of entries) {
    const url = entry.url || (entry.file != null ? urlOf.get(entry.file) : null)
    if (url) materials.push({ label: entry.label, url })
  }
  return { recordingUrl, materials }
}

/** The `{{materials}}` of an email: a list of links in the reader's language, or a sentence saying there is nothing yet. */
export function materialsHtml(materials: Material[], locale: EmailLocale): string {
  if (!materials.length) {
    return locale === 'en'
      ? '<p><em>There is no recording or material to share for this one.</em></p>'
      : '<p><em>Esta vez no hay grabación ni materiales para compartir.</em></p>'
  }
  const items = materials.map((material) => `<li><a href="${escapeHtml(material.url)}">${escapeHtml(material.label[locale])}</a></li>`)
  return `<ul>${items.join('')}</ul>`
}
