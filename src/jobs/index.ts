import { deleteFinishedJobsTask } from './deleteFinishedJobs'
import { releaseStaleEmailClaimsTask } from './releaseStaleEmailClaims'
import { sendEmailTask } from './sendEmail'

export const jobTasks = [sendEmailTask, releaseStaleEmailClaimsTask, deleteFinishedJobsTask]
