export {
  type DeliveryReport,
  deliverDueEmails,
  idempotencyKeyOf,
  maxAttempts,
  retryDelaysMs,
} from './deliver.ts';
export { enqueueEmail, type OutgoingEmail, recentEmails } from './queue.ts';
