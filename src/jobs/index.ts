import { deleteFinishedJobsTask } from './deleteFinishedJobs'
import { releaseStaleEmailClaimsTask } from './releaseStaleEmailClaims'
import { sendEmailTask } from './sendEmail'
import { sendSalesFollowupDigestTask } from './sendSalesFollowupDigest'

export const jobTasks = [sendEmailTask, releaseStaleEmailClaimsTask, deleteFinishedJobsTask, sendSalesFollowupDigestTask]
