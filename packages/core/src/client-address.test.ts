import { describe, expect, it } from 'vitest';
import { clientAddressKey } from './client-address.ts';

describe('the key a client is limited by', () => {
  it('keeps an IPv4 address whole', () => {
    expect(clientAddressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddressKey(' 198.51.100.20 ')).toBe('198.51.100.20');
    expect(clientAddressKey('203.0.113.8')).not.toBe(clientAddressKey('203.0.113.7'));
  });

  it('keys an IPv6 address on its /64, full or compressed, in any case', () => {
    const key = '2001:db8:85a3:8d3::/64';
    expect(clientAddressKey('2001:0db8:85a3:08d3:1319:8a2e:0370:7344')).toBe(key);
    expect(clientAddressKey('2001:DB8:85A3:8D3:1319:8A2E:370:7345')).toBe(key);
    expect(clientAddressKey('2001:db8:85a3:8d3::1')).toBe(key);
    expect(clientAddressKey('2001:db8:85a3:8d3::')).toBe(key);
    expect(clientAddressKey('[2001:db8:85a3:8d3::ffff]')).toBe(key);
    expect(clientAddressKey('2001:db8:85a3:8d3::1%eth0')).toBe(key);
    expect(clientAddressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientAddressKey('2001:db8::1:0:0:1')).toBe('2001:db8:0:0::/64');
    expect(clientAddressKey('::1')).toBe('0:0:0:0::/64');
    // The next /64 is another client.
    expect(clientAddressKey('2001:db8:85a3:8d4::1')).not.toBe(key);
  });

  it('gives every address of one /64 one key: rotating through it changes nothing', () => {
    const keys = new Set(
      Array.from({ length: 200 }, (_, i) => {
        const group = (k: number) => ((i * k) % 0x10000).toString(16);
        return clientAddressKey(`2001:db8:1:2:${group(7919)}:${group(104729)}:${group(31)}:${i}`);
      }),
    );
    expect([...keys]).toEqual(['2001:db8:1:2::/64']);
  });

  it('reads an IPv4-mapped IPv6 address as the IPv4 address', () => {
    expect(clientAddressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddressKey('::FFFF:cb00:7107')).toBe('203.0.113.7');
    expect(clientAddressKey('0:0:0:0:0:ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('keeps what is not an address as it is', () => {
    for (const text of [
      'local',
      '',
      '1.2.3',
      '256.1.1.1',
      '1:2:3',
      '1::2::3',
      'a.b.c.d',
      '12345::',
    ]) {
      expect(clientAddressKey(text)).toBe(text.trim());
    }
    // A dotted IPv4 part is only allowed at the end.
    expect(clientAddressKey('1.2.3.4::1')).toBe('1.2.3.4::1');
  });
});
