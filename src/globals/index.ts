import type { GlobalConfig } from 'payload'

import { BillingSettings } from './BillingSettings'
import { BusinessSettings } from './BusinessSettings'
import { CrmSettings } from './CrmSettings'
import { NotificationSettings } from './NotificationSettings'
import { PrivacySettings } from './PrivacySettings'

export const globals: GlobalConfig[] = [BusinessSettings, BillingSettings, CrmSettings, PrivacySettings, NotificationSettings]
