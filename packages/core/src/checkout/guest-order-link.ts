import { generateLinkSecret, isSecretShaped, secretMatches } from '@edgecart/auth';

/** A guest's order link works for 90 days: long enough to ask about a delivery or a return. */
export const GUEST_ORDER_LINK_TTL_MS = 90 * 24 * 60 * 60 * 1000;

/**
 * The link a guest's confirmation email carries to their order: the order's
 * id and a random secret (160 bits). The order keeps only the secret's
 * SHA-256 and the link's end; the email's text leaves the outbox once the
 * provider has it, so a copy of the database opens no delivered link.
 */
export function newGuestOrderLink(origin: string, orderId: string, now: Date) {
  const { secret, secretHash } = generateLinkSecret();
  return {
    set: {
      guestLinkHash: secretHash,
      guestLinkExpiresAt: new Date(now.getTime() + GUEST_ORDER_LINK_TTL_MS),
    },
    url: `${origin}/orders/${orderId}?key=${secret}`,
  };
}

/** Whether `key` opens an order with this stored link, at `now`. */
export function guestLinkOpens(
  order: { guestLinkHash: string | null; guestLinkExpiresAt: Date | null },
  key: string,
  now: Date,
): boolean {
  if (!order.guestLinkHash || !order.guestLinkExpiresAt || !isSecretShaped(key)) return false;
  return order.guestLinkExpiresAt > now && secretMatches(key, order.guestLinkHash);
}
