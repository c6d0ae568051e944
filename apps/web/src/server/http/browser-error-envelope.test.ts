import { describe, expect, it } from 'vitest';
import { browserEventsOf } from './browser-error-envelope.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const envelope = (...items: [Record<string, unknown>, unknown][]) =>
  bytes(
    [
      JSON.stringify({ event_id: 'a'.repeat(32), dsn: 'https://browser@shop.example/1' }),
      ...items.flatMap(([header, payload]) => [JSON.stringify(header), JSON.stringify(payload)]),
    ].join('\n'),
  );

describe('browserEventsOf', () => {
  it('takes the events of an envelope, without what only the Worker may set', () => {
    const events = browserEventsOf(
      envelope(
        [{ type: 'event' }, { message: 'boom', release: 'forged', user: { email: 'a@b.c' } }],
        [{ type: 'session' }, { sid: 'x' }],
        [{ type: 'client_report' }, { discarded_events: [] }],
      ),
    );
    expect(events).toEqual([{ message: 'boom' }]);
  });

  it('reads an item whose header gives its length, as the SDKs may send it', () => {
    const payload = JSON.stringify({ message: 'line one\nline two' });
    const body = bytes(
      `{}\n${JSON.stringify({ type: 'event', length: new TextEncoder().encode(payload).length })}\n${payload}`,
    );
    expect(browserEventsOf(body)).toEqual([{ message: 'line one\nline two' }]);
  });

  it('keeps at most five events of one envelope', () => {
    const items = Array.from(
      { length: 8 },
      (_, n) => [{ type: 'event' }, { message: `e${n}` }] as [Record<string, unknown>, unknown],
    );
    expect(browserEventsOf(envelope(...items))?.map((e) => e.message)).toEqual([
      'e0',
      'e1',
      'e2',
      'e3',
      'e4',
    ]);
  });

  it('says null for a body that is not an envelope', () => {
    expect(browserEventsOf(bytes('hello'))).toBeNull();
    expect(browserEventsOf(bytes('{}\n{"type":"event"}\n[1,2]'))).toBeNull();
    expect(browserEventsOf(bytes('{}\n{"type":"event"}\n"text"'))).toBeNull();
  });
});
