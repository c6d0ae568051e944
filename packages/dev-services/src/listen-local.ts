import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Starts `server` on loopback (`port`, or any free one) and gives its port
 * and a `close` that drops open connections (keep-alive clients included)
 * before it waits for the server to stop: what every stand-in does.
 */
export async function listenLocal(
  server: Server,
  options: { port?: number | undefined; host?: string } = {},
): Promise<{ port: number; close: () => Promise<void> }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
