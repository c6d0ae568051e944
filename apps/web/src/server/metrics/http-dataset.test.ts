import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventDataPoint } from '@edgecart/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { httpDataset } from './http-dataset.ts';

/** A stand-in that records each batch it is sent, and answers `status`. */
async function recorder(status = 204) {
  const batches: unknown[][] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      batches.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown[]);
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    batches,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('httpDataset', () => {
  it('sends the points of many requests in a few batches, in order, none lost', async () => {
    const standIn = await recorder();
    try {
      const sent: Promise<unknown>[] = [];
      const dataset = httpDataset({
        url: standIn.url,
        dataset: 'batched',
        waitUntil: (promise) => sent.push(promise),
      });
      for (let i = 0; i < 600; i++)
        dataset.writeDataPoint(eventDataPoint('cart.created', { amount: i }));
      // One request sends; the others only queue.
      expect(sent).toHaveLength(1);
      await Promise.all(sent);
      const doubles = standIn.batches
        .flat()
        .map((point) => (point as { doubles: number[] }).doubles);
      expect(doubles.map(([, amount]) => amount)).toEqual(Array.from({ length: 600 }, (_, i) => i));
      expect(standIn.batches.length).toBeLessThanOrEqual(4);
      expect(Math.max(...standIn.batches.map((batch) => batch.length))).toBeLessThanOrEqual(250);
      // The next point after a drain starts a new one.
      dataset.writeDataPoint(eventDataPoint('cart.created'));
      expect(sent).toHaveLength(2);
      await Promise.all(sent);
      expect(standIn.batches.flat()).toHaveLength(601);
    } finally {
      await standIn.close();
    }
  });

  it('warns once when the stand-in refuses, and keeps sending', async () => {
    const standIn = await recorder(503);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const sent: Promise<unknown>[] = [];
      const dataset = httpDataset({
        url: standIn.url,
        dataset: 'refused',
        waitUntil: (promise) => sent.push(promise),
      });
      for (let round = 0; round < 3; round++) {
        dataset.writeDataPoint(eventDataPoint('cart.created'));
        await Promise.all(sent);
      }
      expect(standIn.batches).toHaveLength(3);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toContain('metrics stand-in unreachable');
    } finally {
      await standIn.close();
    }
  });
});
