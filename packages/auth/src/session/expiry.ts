/** How long a session lives without use. */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Sliding expiry: a session used when less than half its life is left gets a
 * full life again. With a 30-day life that rewrites the row at most once every
 * 15 days per session, far less than once an hour.
 */
export function refreshedExpiry(expiresAt: Date, now: Date): Date | null {
  const left = expiresAt.getTime() - now.getTime();
  if (left <= 0) return null;
  return left < SESSION_TTL_MS / 2 ? new Date(now.getTime() + SESSION_TTL_MS) : null;
}

export function isExpired(expiresAt: Date, now: Date): boolean {
  return expiresAt.getTime() <= now.getTime();
}

export function newExpiry(now: Date): Date {
  return new Date(now.getTime() + SESSION_TTL_MS);
}
