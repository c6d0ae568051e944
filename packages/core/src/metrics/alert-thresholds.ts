import { z } from 'zod';

/**
 * What the scheduled run watches, each over the last `windowMinutes`: the
 * rate of 5xx answers and the p99 response time (once there are at least
 * `minRequests` requests, so that a quiet night's single error pages nobody),
 * and counts of the business events that need a person.
 */
export const alertThresholdsSchema = z.object({
  windowMinutes: z.number().int().min(1).max(60).default(10),
  minRequests: z.number().int().min(1).default(20),
  /** A share of requests, 0.05 for 5 %. */
  errorRate: z.number().min(0).max(1).default(0.05),
  p99Ms: z.number().min(1).default(3_000),
  webhooksRefused: z.number().int().min(1).default(5),
  ordersToReview: z.number().int().min(1).default(1),
  emailsFailed: z.number().int().min(1).default(3),
  cacheDegraded: z.number().int().min(1).default(1),
  checkoutsFailed: z.number().int().min(1).default(3),
});

export type AlertThresholds = z.infer<typeof alertThresholdsSchema>;

export const DEFAULT_ALERT_THRESHOLDS: AlertThresholds = alertThresholdsSchema.parse({});

/**
 * ALERT_THRESHOLDS as written in a setting: `errorRate=0.02,p99Ms=2000`, over
 * the defaults. Throws, naming it, for an unknown name or a value that is not
 * a number or out of range.
 */
export function parseAlertThresholds(text: string | undefined): AlertThresholds {
  const entries = (text ?? '')
    .split(',')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const [name, value, ...rest] = pair.split('=');
      const number = Number(value);
      if (!name || value === undefined || rest.length > 0 || value.trim() === '') {
        throw new Error(`"${pair}" is not name=value`);
      }
      if (!Number.isFinite(number)) throw new Error(`${name}: "${value}" is not a number`);
      return [name.trim(), number] as const;
    });
  const parsed = alertThresholdsSchema.strict().safeParse(Object.fromEntries(entries));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${issue?.path.join('.') || 'thresholds'}: ${issue?.message}`);
  }
  return parsed.data;
}
