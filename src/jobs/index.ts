import type { TaskConfig } from 'payload'

import { expirePaymentHolds } from './expirePaymentHolds'
import { openCheckoutSession } from './openCheckoutSession'
import { processStripeEvent } from './processStripeEvent'
import { refundPayment } from './refundPayment'

export const paymentTasks = [processStripeEvent, expirePaymentHolds, refundPayment, openCheckoutSession] as unknown as TaskConfig[]
