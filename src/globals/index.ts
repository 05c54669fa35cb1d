import type { GlobalConfig } from 'payload'

import { CrmSettings } from './CrmSettings'

export const globals: GlobalConfig[] = [CrmSettings]
