export {
  type CheckoutLine,
  type CheckoutRequest,
  type CheckoutSession,
  type CheckoutShippingOption,
  type CheckoutTax,
  type CollectedAddress,
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
