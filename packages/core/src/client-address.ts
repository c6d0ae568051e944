/**
 * What a per-client limit counts by, from the address the platform saw: an
 * IPv4 address whole, an IPv6 address by its /64 (one customer's network
 * gets a /64 at least, and picks any address in it at will), an IPv4-mapped
 * IPv6 address as the IPv4 address it maps. Spelt one way whatever the input's
 * spelling (`2001:DB8:0:0:1::1` and `2001:db8::1:0:0:1` are `2001:db8:0:0::/64`);
 * anything that is not an IP address (`local` in development) is kept as it is.
 */
export function clientAddressKey(address: string): string {
  const trimmed = address.trim();
  const ipv4 = parseIpv4(trimmed);
  if (ipv4) return ipv4.join('.');
  const hextets = parseIpv6(trimmed);
  if (!hextets) return trimmed;
  const [a, b, c, d, e, f, g, h] = hextets as [number, ...number[]];
  // ::ffff:a.b.c.d: a client reached over IPv4 through a dual-stack socket.
  if (a === 0 && b === 0 && c === 0 && d === 0 && e === 0 && f === 0xffff) {
    const high = g ?? 0;
    const low = h ?? 0;
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
  }
  return `${hextets
    .slice(0, 4)
    .map((n) => n.toString(16))
    .join(':')}::/64`;
}

/** The four octets of a dotted-quad IPv4 address, or null. */
function parseIpv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const octets = parts.map((part) => (/^\d{1,3}$/.test(part) ? Number(part) : Number.NaN));
  return octets.every((n) => n <= 255) ? octets : null;
}

/** The eight 16-bit groups of an IPv6 address (`::`, a dotted IPv4 tail, `[…]`, a `%zone`), or null. */
function parseIpv6(text: string): number[] | null {
  let rest = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  rest = rest.split('%')[0] ?? '';
  if (!rest.includes(':')) return null;
  const halves = rest.split('::');
  if (halves.length > 2) return null;
  const groups = (half: string | undefined): number[] | null => {
    if (!half) return [];
    const out: number[] = [];
    const parts = half.split(':');
    for (const [i, part] of parts.entries()) {
      if (i === parts.length - 1 && part.includes('.')) {
        const v4 = parseIpv4(part);
        if (!v4) return null;
        const [p = 0, q = 0, r = 0, s = 0] = v4;
        out.push((p << 8) | q, (r << 8) | s);
      } else if (/^[0-9a-f]{1,4}$/i.test(part)) {
        out.push(Number.parseInt(part, 16));
      } else {
        return null;
      }
    }
    return out;
  };
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  if (!head || !tail) return null;
  // A dotted IPv4 tail is only allowed last: a head (before `::`) may not end with one.
  if (halves.length === 2 && halves[0]?.includes('.')) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - tail.length;
  if (missing < 1) return null;
  return [...head, ...Array<number>(missing).fill(0), ...tail];
}
