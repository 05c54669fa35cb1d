import type { CollectionBeforeChangeHook } from 'payload'

type Module = { moduleNumber?: number | null }

/**
 * Staff fill in modules, not arithmetic: an unnumbered module takes its position. (The course's
 * hours, dates and session count follow from the modules in `followSessions`.)
 */
export const deriveFromModules: CollectionBeforeChangeHook = ({ data }) => {
  const modules = data.modules as Module[] | undefined
  if (!Array.isArray(modules) || modules.length === 0) return data
  modules.forEach((module, index) => {
    if (module.moduleNumber === null || module.moduleNumber === undefined) module.moduleNumber = index + 1
  })
  return data
}
