import type { CollectionConfig } from 'payload'

import { Attendance } from './Attendance'
import { Categories } from './Categories'
import { Courses } from './Courses'
import { EmailLog } from './EmailLog'
import { EmailTemplates } from './EmailTemplates'
import { Enrollments } from './Enrollments'
import { Leads } from './Leads'
import { Media } from './Media'
import { Payments } from './Payments'
import { Speakers } from './Speakers'
import { StripeEvents } from './StripeEvents'
import { Users } from './Users'
import { Webinars } from './Webinars'

export const collections: CollectionConfig[] = [Users, Media, Speakers, Categories, Webinars, Courses, Enrollments, Attendance, Leads, Payments, StripeEvents, EmailTemplates, EmailLog]
