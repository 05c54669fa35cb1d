import type { GlobalConfig } from 'payload'

import { BillingSettings } from './BillingSettings'
import { BusinessSettings } from './BusinessSettings'
import { CrmSettings } from './CrmSettings'

export const globals: GlobalConfig[] = [BusinessSettings, BillingSettings, CrmSettings]
