export {
  type AnalyticsEngineStandIn,
  type DataPoint,
  startAnalyticsEngineStandIn,
} from './analytics-engine-stand-in.ts';
export {
  type CloudflareApiStandIn,
  type StandInWorker,
  startCloudflareApiStandIn,
  type UploadedBinding,
  type WorkerUpload,
} from './cloudflare-api-stand-in.ts';
export { freePort } from './free-port.ts';
export { type LocalR2, startLocalR2 } from './local-r2.ts';
export {
  type NeonApiStandIn,
  type StandInBranch,
  startNeonApiStandIn,
} from './neon-api-stand-in.ts';
export { type NeonStandIn, startNeonStandIn } from './neon-stand-in.ts';
export { findPostgresBinDir, type LocalPostgres, startPostgres } from './postgres.ts';
export { type ConnectionGauge, watchConnections } from './postgres-activity.ts';
export { type LocalRedis, startRedis } from './redis.ts';
export {
  type InjectedFailure,
  type ReceivedEmail,
  type ResendStandIn,
  startResendStandIn,
} from './resend-stand-in.ts';
export {
  type EnvelopeItem,
  type ReceivedEnvelope,
  type SentryStandIn,
  startSentryStandIn,
} from './sentry-stand-in.ts';
export { processGroupStopper, stopWithOwner } from './stop-with-owner.ts';
export {
  type CollectedShipping,
  STAND_IN_TAX_RATES,
  STAND_IN_TEST_SHIPPING,
  type StripeAddress,
  taxIn,
  taxRateOf,
} from './stripe-shipping-tax.ts';
export {
  type CheckoutSession as StandInCheckoutSession,
  type PayDetails,
  STAND_IN_SECRET_KEY,
  STAND_IN_WEBHOOK_SECRET,
  type StripeEvent as StandInEvent,
  type StripeStandIn,
  signStripePayload,
  startStripeStandIn,
  type WebhookEndpoint,
} from './stripe-stand-in.ts';
export { BRIDGE_PATIENCE_MS, startUpstashBridge, type UpstashBridge } from './upstash-bridge.ts';
export { startWebhookCatcher, type WebhookCatcher } from './webhook-catcher.ts';
