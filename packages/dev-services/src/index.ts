export { freePort } from './free-port.ts';
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
export { startUpstashBridge, type UpstashBridge } from './upstash-bridge.ts';
