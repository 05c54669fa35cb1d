import type { CollectionBeforeChangeHook } from 'payload'

type Session = { durationHours?: number | null }
type Module = { moduleNumber?: number | null; hours?: number | null; sessions?: Session[] | null }

const moduleHours = (module: Module) =>
  module.hours ?? (module.sessions ?? []).reduce((sum, session) => sum + (session.durationHours ?? 0), 0)

/**
 * Staff fill in modules, not arithmetic: an unnumbered module takes its position, and an empty
 * course duration becomes the sum of module hours (or of their sessions' hours).
 */
export const deriveFromModules: CollectionBeforeChangeHook = ({ data }) => {
  const modules = data.modules as Module[] | undefined
  if (!Array.isArray(modules) || modules.length === 0) return data
  modules.forEach((module, index) => {
    if (module.moduleNumber === null || module.moduleNumber === undefined) module.moduleNumber = index + 1
  })
  if (data.durationHours === null || data.durationHours === undefined) {
    const total = modules.reduce((sum, module) => sum + moduleHours(module), 0)
    if (total > 0) data.durationHours = total
  }
  return data
}
