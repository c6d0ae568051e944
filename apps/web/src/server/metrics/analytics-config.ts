/**
 * Where the metrics are written and read. In a Worker, points go to the
 * `METRICS` binding (wrangler.jsonc) and the dashboard reads them through
 * the Analytics Engine SQL API with an API token allowed to read "Account
 * Analytics". With ANALYTICS_LOCAL_URL (npm run dev, preview:edge; refused
 * in a deployed Worker) both go to the local stand-in instead.
 */
export const DEFAULT_ANALYTICS_DATASET = 'edgecart_metrics';

export interface AnalyticsSettings {
  ANALYTICS_LOCAL_URL?: string | undefined;
  ANALYTICS_DATASET?: string | undefined;
  CLOUDFLARE_ACCOUNT_ID?: string | undefined;
  ANALYTICS_API_TOKEN?: string | undefined;
}

export interface AnalyticsQueryConfig {
  sqlUrl: string;
  token: string;
  dataset: string;
}

/** How the dashboard and the alerts reach the SQL API; null when it is not set up. */
export function analyticsQueryConfig(settings: AnalyticsSettings): AnalyticsQueryConfig | null {
  const account = settings.CLOUDFLARE_ACCOUNT_ID;
  const token = settings.ANALYTICS_API_TOKEN;
  if (!account || !token) return null;
  const base = (settings.ANALYTICS_LOCAL_URL ?? 'https://api.cloudflare.com').replace(/\/$/, '');
  return {
    sqlUrl: `${base}/client/v4/accounts/${encodeURIComponent(account)}/analytics_engine/sql`,
    token,
    dataset: settings.ANALYTICS_DATASET || DEFAULT_ANALYTICS_DATASET,
  };
}
