import type { TaskConfig } from 'payload'

import { deleteExpiredRateLimitsTask } from './deleteExpiredRateLimits'
import { deleteFinishedJobsTask } from './deleteFinishedJobs'
import { expirePaymentHolds } from './expirePaymentHolds'
import { openCheckoutSession } from './openCheckoutSession'
import { processStripeEvent } from './processStripeEvent'
import { refundPayment } from './refundPayment'
import { releaseStaleEmailClaimsTask } from './releaseStaleEmailClaims'
import { sendEmailTask } from './sendEmail'
import { sendParticipantsMessageTask } from './sendParticipantsMessage'
import { sendSalesFollowupDigestTask } from './sendSalesFollowupDigest'

const paymentTasks = [processStripeEvent, expirePaymentHolds, refundPayment, openCheckoutSession] as unknown as TaskConfig[]
const participantTasks = [sendParticipantsMessageTask] as unknown as TaskConfig[]

export const jobTasks = [deleteExpiredRateLimitsTask, sendEmailTask, releaseStaleEmailClaimsTask, deleteFinishedJobsTask, sendSalesFollowupDigestTask, ...paymentTasks, ...participantTasks]
