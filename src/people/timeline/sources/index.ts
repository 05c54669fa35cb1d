import type { TimelineSource } from '../types'
import { accountSource } from './account'
import { certificatesSource } from './certificates'
import { emailsSource } from './emails'
import { enrollmentsSource } from './enrollments'
import { leadHistorySource } from './leadHistory'
import { paymentsSource } from './payments'

/**
 * Everything a person's timeline is made of. A new kind of event is one more file here exporting a
 * `TimelineSource` that reads as the caller.
 */
export const TIMELINE_SOURCES: TimelineSource[] = [accountSource, leadHistorySource, enrollmentsSource, paymentsSource, certificatesSource, emailsSource]
