import { parseEnvelope } from '@sentry/core';

/** The largest error report taken: an event with its stack, and room to spare. */
export const ERROR_REPORT_BYTES_MAX = 64 * 1024;

/** Events taken from one envelope; the browser's SDK sends one at a time. */
const EVENTS_PER_ENVELOPE_MAX = 5;

/** What the Worker sets on every event; a browser does not get to say. */
const SET_BY_THE_WORKER = ['release', 'environment', 'server_name', 'user', 'dist'];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function jsonOf(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
}

/**
 * The error events in a Sentry envelope from the browser (items of any other
 * type are dropped), without the fields the Worker sets; null when the body
 * is not an envelope.
 */
export function browserEventsOf(body: Uint8Array): Record<string, unknown>[] | null {
  let items: unknown[];
  try {
    [, items] = parseEnvelope(body) as [unknown, unknown[]];
  } catch {
    return null;
  }
  if (!Array.isArray(items)) return null;
  const events: Record<string, unknown>[] = [];
  for (const item of items) {
    if (!Array.isArray(item)) return null;
    const [header, raw] = item as [unknown, unknown];
    if (!isObject(header) || header.type !== 'event') continue;
    // An item whose header gives its length comes back as bytes.
    const payload = raw instanceof Uint8Array ? jsonOf(raw) : raw;
    if (!isObject(payload)) return null;
    for (const field of SET_BY_THE_WORKER) delete payload[field];
    events.push(payload);
    if (events.length === EVENTS_PER_ENVELOPE_MAX) break;
  }
  return events;
}
