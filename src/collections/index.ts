import type { CollectionConfig } from 'payload'

import { EmailLog } from './EmailLog'
import { EmailTemplates } from './EmailTemplates'
import { Media } from './Media'
import { Users } from './Users'

export const collections: CollectionConfig[] = [Users, Media, EmailTemplates, EmailLog]
