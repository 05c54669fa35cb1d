import type { TaskConfig } from 'payload'

import { recomputeCompletionTask } from '../attendance/recomputeTask'
import { issueCertificateTask } from '../certificates/issueTask'
import { cancelItemEnrollments } from './cancelItemEnrollments'
import { checkCourseScheduleChangeTask } from './checkCourseScheduleChange'
import { deleteExpiredRateLimitsTask } from './deleteExpiredRateLimits'
import { deleteFinishedJobsTask } from './deleteFinishedJobs'
import { expirePaymentHolds } from './expirePaymentHolds'
import { moveCourseStatusesTask } from './moveCourseStatuses'
import { openCheckoutSession } from './openCheckoutSession'
import { planCourseSessionRemindersTask } from './planCourseSessionReminders'
import { processStripeEvent } from './processStripeEvent'
import { refundPayment } from './refundPayment'
import { releaseStaleEmailClaimsTask } from './releaseStaleEmailClaims'
import { replanRuleEmailsTask } from './replanRuleEmails'
import { sendCampaignBatchTask } from './sendCampaignBatch'
import { sendCourseScheduleNoticesTask } from './sendCourseScheduleNotices'
import { sendEmailTask } from './sendEmail'
import { sendFollowUpsTask } from './sendFollowUps'
import { sendParticipantsMessageTask } from './sendParticipantsMessage'
import { sendSalesFollowupDigestTask } from './sendSalesFollowupDigest'
import { startDueCampaignsTask } from './startDueCampaigns'
import { deleteExpiredAuditEntriesTask } from '../audit/deleteExpiredAuditEntries'
import { buildPrivacyExportTask } from '../privacy/export/selfService/task'
import { deleteExpiredPrivacyExportsTask } from '../privacy/export/selfService/expireTask'
import { eraseInactivePeopleTask } from '../privacy/retention/eraseInactiveTask'
import { deleteOldNotificationsTask } from '../notifications/deleteOldNotifications'
import { deliverWebhookTask } from '../webhooks/delivery/task'
import { deleteOldWebhookDeliveriesTask } from '../webhooks/delivery/deleteOldDeliveries'

const paymentTasks = [processStripeEvent, expirePaymentHolds, refundPayment, openCheckoutSession] as unknown as TaskConfig[]
const participantTasks = [sendParticipantsMessageTask, recomputeCompletionTask] as unknown as TaskConfig[]
const certificateTasks = [issueCertificateTask] as unknown as TaskConfig[]
const cancellationTasks = [cancelItemEnrollments] as unknown as TaskConfig[]
const courseStatusTasks = [moveCourseStatusesTask] as unknown as TaskConfig[]
const courseNoticeTasks = [checkCourseScheduleChangeTask, sendCourseScheduleNoticesTask, planCourseSessionRemindersTask] as unknown as TaskConfig[]
const followUpTasks = [sendFollowUpsTask] as unknown as TaskConfig[]
const emailRuleTasks = [replanRuleEmailsTask] as unknown as TaskConfig[]
const campaignTasks = [startDueCampaignsTask, sendCampaignBatchTask] as unknown as TaskConfig[]
const privacyExportTasks = [buildPrivacyExportTask, deleteExpiredPrivacyExportsTask] as unknown as TaskConfig[]

const auditTasks = [deleteExpiredAuditEntriesTask] as unknown as TaskConfig[]
const retentionTasks = [eraseInactivePeopleTask] as unknown as TaskConfig[]
const notificationTasks = [deleteOldNotificationsTask] as unknown as TaskConfig[]
const webhookTasks = [deliverWebhookTask, deleteOldWebhookDeliveriesTask] as unknown as TaskConfig[]

export const jobTasks = [deleteExpiredRateLimitsTask, sendEmailTask, releaseStaleEmailClaimsTask, deleteFinishedJobsTask, sendSalesFollowupDigestTask, ...paymentTasks, ...participantTasks, ...cancellationTasks, ...courseNoticeTasks, ...courseStatusTasks, ...followUpTasks, ...certificateTasks, ...emailRuleTasks, ...campaignTasks, ...privacyExportTasks, ...auditTasks, ...retentionTasks, ...notificationTasks, ...webhookTasks]
