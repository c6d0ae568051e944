import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/** 20 random bytes: 160 bits, above the 120 the session design asks for. */
const RANDOM_BYTES = 20;
/** Base32 of 20 bytes, without padding. */
const PART = /^[a-z2-7]{32}$/;

function randomPart(): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(RANDOM_BYTES)));
}

export interface NewSessionToken {
  /** What the cookie (or the link) holds: `<id>.<secret>`. Never stored. */
  token: string;
  /** The session's id, stored as the row's key. */
  id: string;
  /** SHA-256 of the secret, hex: the only trace of the secret the database keeps. */
  secretHash: string;
}

export function hashSecret(secret: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(secret)));
}

/**
 * A fresh token: an id and a secret, each from a CSPRNG. Sessions use it, and
 * so do single-use links (sign-up confirmation, password reset).
 */
export function generateSessionToken(): NewSessionToken {
  const id = randomPart();
  const secret = randomPart();
  return { token: `${id}.${secret}`, id, secretHash: hashSecret(secret) };
}

/** A lone secret for a link that names its row otherwise (a guest's order link): the secret and its hash. */
export function generateLinkSecret(): { secret: string; secretHash: string } {
  const secret = randomPart();
  return { secret, secretHash: hashSecret(secret) };
}

/** Whether a client's string has the shape of a secret made here (before any hashing). */
export const isSecretShaped = (value: string): boolean => PART.test(value);

/** The id and secret of a well-formed token; null for anything else a client sends. */
export function parseSessionToken(token: string): { id: string; secret: string } | null {
  const [id, secret, extra] = token.split('.');
  if (extra !== undefined || !id || !secret || !PART.test(id) || !PART.test(secret)) return null;
  return { id, secret };
}

/** Whether `secret` hashes to the stored hash, compared in constant time. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const actual = new TextEncoder().encode(hashSecret(secret));
  const expected = new TextEncoder().encode(storedHash);
  return actual.length === expected.length && constantTimeEqual(actual, expected);
}
