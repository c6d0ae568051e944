import ws from 'ws';
import type { DatabaseHandle } from './database.ts';
import { createNeonDb, type NeonOptions } from './neon.ts';

/** The Neon driver on Node, which has no global WebSocket before version 22. */
export function createNeonNodeDb(
  options: Omit<NeonOptions, 'webSocketConstructor'>,
): DatabaseHandle {
  return createNeonDb({ ...options, webSocketConstructor: nodeWebSocket() });
}

/** The WebSocket class for the Neon driver on this Node. */
export function nodeWebSocket(): typeof WebSocket | undefined {
  return globalThis.WebSocket ? undefined : (ws as unknown as typeof WebSocket);
}
