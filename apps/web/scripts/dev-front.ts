/**
 * The front door of `npm run dev`: listens on PORT and passes every request to
 * `next dev` behind it, as the Worker's entry does in production. It gives
 * each request its id (`x-request-id`, which the app's error lines carry) and
 * records its measure (route pattern, status, time to the response's
 * headers) in the metrics dataset, so that the dashboard charts local traffic
 * through the same data points. Bodies stream through untouched; WebSocket
 * upgrades (Turbopack's hot reload) are piped as they are.
 */
import { randomUUID } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import {
  type AnalyticsDataset,
  type RequestMeasure,
  requestDataPoint,
} from '@edgecart/core/metrics-layout';
import { matchRoute } from '../src/server/metrics/route-pattern.ts';

export interface DevFront {
  port: number;
  close: () => Promise<void>;
}

function rawHead(request: IncomingMessage): string {
  const lines = [`${request.method} ${request.url} HTTP/${request.httpVersion}`];
  for (let i = 0; i < request.rawHeaders.length; i += 2) {
    lines.push(`${request.rawHeaders[i]}: ${request.rawHeaders[i + 1]}`);
  }
  return `${lines.join('\r\n')}\r\n\r\n`;
}

export async function startDevFront(options: {
  port: number;
  upstreamPort: number;
  dataset: AnalyticsDataset | null;
}): Promise<DevFront> {
  const upstream = { host: '127.0.0.1', port: options.upstreamPort };
  const server = createServer((incoming, outgoing) => {
    const started = performance.now();
    const headers = { ...incoming.headers, 'x-request-id': randomUUID() };
    const forward = httpRequest(
      { ...upstream, method: incoming.method, path: incoming.url, headers },
      (answer) => {
        const status = answer.statusCode ?? 502;
        outgoing.writeHead(status, answer.statusMessage, answer.rawHeaders);
        answer.pipe(outgoing);
        record(status);
      },
    );
    const record = (status: number) => {
      if (!options.dataset) return;
      const { pattern, group } = matchRoute(new URL(incoming.url ?? '/', 'http://dev').pathname);
      const measure: RequestMeasure = {
        route: pattern,
        group,
        method: incoming.method ?? 'GET',
        status,
        durationMs: performance.now() - started,
        pageCache: 'none',
        colo: 'local',
      };
      options.dataset.writeDataPoint(requestDataPoint(measure));
    };
    forward.on('error', (error) => {
      if (outgoing.headersSent) {
        outgoing.destroy(error);
        return;
      }
      outgoing.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
      outgoing.end(`next dev is not answering (${error.message}): it may still be starting.\n`);
      record(502);
    });
    incoming.pipe(forward);
  });
  server.on('upgrade', (incoming, socket, head) => {
    const next = connect(upstream.port, upstream.host, () => {
      next.write(rawHead(incoming));
      if (head.length > 0) next.write(head);
      socket.pipe(next).pipe(socket);
    });
    const drop = () => {
      socket.destroy();
      next.destroy();
    };
    next.on('error', drop);
    socket.on('error', drop);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, () => resolve());
  });
  return {
    port: options.port,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
