import { type ClientBase, neonConfig } from '@neondatabase/serverless';

/**
 * Per-client settings for the Neon driver. `neonConfig` is process-wide, so
 * nothing here writes to it except one dispatcher for the HTTP endpoint (the
 * only setting the driver reads from the global alone), which sends a query to
 * a local stand-in only when its target is one registered here: production
 * hosts always reach Neon with the driver's defaults.
 */
export interface NeonLocalSettings {
  /**
   * `host:port` of the dev-services Neon stand-in, for a plain PostgreSQL
   * server instead of Neon. Unset in production.
   */
  localProxy?: string | undefined;
  /** Only where there is no global WebSocket (Node < 22). */
  webSocketConstructor?: typeof WebSocket | undefined;
}

const neonDefaultEndpoint = neonConfig.fetchEndpoint;
const localEndpoints = new Map<string, string>();

neonConfig.fetchEndpoint = (host, port, options) =>
  localEndpoints.get(`${host}:${port || 5432}`) ??
  (typeof neonDefaultEndpoint === 'function'
    ? neonDefaultEndpoint(host, port, options)
    : neonDefaultEndpoint);

/** Routes HTTP queries for the database at `connectionString` to the local stand-in. */
export function registerLocalHttpEndpoint(connectionString: string, localProxy: string): void {
  const { hostname, port } = new URL(connectionString);
  localEndpoints.set(`${hostname}:${port || 5432}`, `http://${localProxy}/sql`);
}

/** Applies the settings to one WebSocket client before it connects. */
export function configureClient(client: ClientBase, settings: NeonLocalSettings): void {
  const config = client.neonConfig;
  if (settings.webSocketConstructor) config.webSocketConstructor = settings.webSocketConstructor;
  if (settings.localProxy) {
    const proxy = settings.localProxy;
    config.wsProxy = (host, port) => `${proxy}/v1?address=${host}:${port}`;
    // The stand-in speaks plain ws:// to a PostgreSQL without TLS. No pipelined password:
    // a local server may ask for SCRAM (startPostgres's asks for the password in clear).
    config.useSecureWebSocket = false;
    config.pipelineTLS = false;
    config.pipelineConnect = false;
  }
}
