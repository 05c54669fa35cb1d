import type { TaskConfig } from 'payload'

import { expirePaymentHolds } from './expirePaymentHolds'
import { processStripeEvent } from './processStripeEvent'
import { refundPayment } from './refundPayment'

export const paymentTasks = [processStripeEvent, expirePaymentHolds, refundPayment] as unknown as TaskConfig[]
