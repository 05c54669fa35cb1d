import { idOf } from '../../../crm/ids'
import { personName } from '../../personSearch'
import { optionLabel } from '../optionLabel'
import { asCaller, type Doc, type TimelineContext, type TimelineEntry, type TimelineSource } from '../types'

/** Names of the staff who moved the lead or logged an interaction, in one query, as the caller may read them. */
async function staffNames({ req }: TimelineContext, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map()
  const { docs } = await req.payload.find({
    collection: 'users',
    where: { id: { in: ids } },
    pagination: false,
    ...asCaller(req),
    select: { firstName: true, lastName: true, email: true },
  })
  return new Map((docs as Doc[]).map((user) => [user.id as number, personName(user)]))
}

/** The lead's own story: when it arrived, every stage change, every interaction logged. */
export const leadHistorySource: TimelineSource = {
  name: 'leadHistory',
  label: { es: 'Historial del prospecto', en: 'Lead history' },
  appliesTo: ['lead'],
  async load(context) {
    const { req, subject, language } = context
    const lead = subject.doc
    const en = language === 'en'
    const link = { collection: 'leads', id: lead.id }
    const stages = (lead.stageHistory ?? []) as Doc[]
    const interactions = (lead.interactions ?? []) as Doc[]
    const names = await staffNames(context, [...new Set([...stages, ...interactions].map((row) => idOf(row.by)).filter((id): id is number => id !== null))])
    const by = (row: Doc) => {
      const name = names.get(idOf(row.by) ?? -1)
      return name ? `${en ? 'by' : 'por'} ${name}` : ''
    }
    const stage = (value: unknown) => optionLabel(req, 'leads', ['stage'], value, language)
    const entries: TimelineEntry[] = [
      { at: lead.createdAt, source: 'leadHistory', title: en ? 'Lead received' : 'Prospecto recibido', detail: optionLabel(req, 'leads', ['source'], lead.source, language), link },
    ]
    for (const change of stages) {
      if (!change.at) continue
      const title = `${en ? 'Stage' : 'Etapa'}: ${stage(change.from)} → ${stage(change.to)}`
      entries.push({ at: change.at, source: 'leadHistory', title, detail: [change.movedBack ? (en ? 'moved back' : 'retroceso') : '', by(change)].filter(Boolean).join(' · ') || undefined, link })
    }
    for (const interaction of interactions) {
      if (!interaction.at) continue
      const type = optionLabel(req, 'leads', ['interactions', 'type'], interaction.type, language)
      const next = interaction.nextAction ? `${en ? 'Next' : 'Próxima acción'}: ${interaction.nextAction}` : ''
      entries.push({
        at: interaction.at,
        source: 'interactions',
        title: `${type}: ${String(interaction.summary ?? '').slice(0, 200)}`,
        detail: [interaction.outcome, next, by(interaction)].filter(Boolean).join(' · ') || undefined,
        link,
      })
    }
    return entries
  },
}
