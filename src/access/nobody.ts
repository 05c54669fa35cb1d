import type { Access } from 'payload'

/** For operations only the server performs (through the Local API with `overrideAccess`). */
export const nobody: Access = () => false
