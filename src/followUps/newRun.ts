type Row = Record<string, unknown>

const withoutIds = (rows: unknown): Row[] => (Array.isArray(rows) ? (rows as Row[]).map(({ id: _id, ...row }) => row) : [])

/** A course's new run keeps the resources (fresh rows: array row ids are primary keys) but not the old run's recordings. */
export const resourcesForNewRun = (resources: unknown): Row[] => withoutIds(resources)

export const sessionForNewRun = ({ recordingUrl: _recording, resources, ...session }: Row): Row => ({ ...session, resources: withoutIds(resources) })
