export {
  type CheckoutLine,
  type CheckoutRequest,
  type CheckoutSession,
  InvalidWebhookError,
  type PaymentEvent,
  type Payments,
  type RefundRequest,
} from './payments.ts';
export {
  createStripePayments,
  paymentEventOf,
  type StripePaymentsOptions,
} from './stripe-payments.ts';
