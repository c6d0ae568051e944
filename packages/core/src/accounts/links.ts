import { generateSessionToken } from '@edgecart/auth';

/** Emailed links (sign-up, password reset) work for an hour, once. */
const LINK_TTL_MS = 60 * 60 * 1000;

/**
 * A new single-use link: the row to store (id, hash of the secret, times)
 * and the URL to email, which alone carries the secret.
 */
export function newEmailLink(origin: string, path: string, now: Date) {
  const { token, id, secretHash } = generateSessionToken();
  return {
    row: { id, secretHash, createdAt: now, expiresAt: new Date(now.getTime() + LINK_TTL_MS) },
    url: `${origin}${path}?token=${encodeURIComponent(token)}`,
  };
}
