import type { GlobalConfig } from 'payload'

import { BusinessSettings } from './BusinessSettings'
import { CrmSettings } from './CrmSettings'

export const globals: GlobalConfig[] = [BusinessSettings, CrmSettings]
