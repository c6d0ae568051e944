export {
  ARGON2ID,
  type Argon2idParams,
  argon2idParamsOf,
  createArgon2idHasher,
  type PasswordHasher,
} from './password/hasher.ts';
export { PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from './password/policy.ts';
export {
  blankCartCookie,
  blankSessionCookie,
  CART_COOKIE_MAX_AGE,
  cartCookie,
  cartCookieName,
  readCartToken,
  readSessionToken,
  SESSION_COOKIE_MAX_AGE,
  type SessionCookie,
  serializeCookie,
  sessionCookie,
  sessionCookieName,
} from './session/cookie.ts';
export { isExpired, newExpiry, refreshedExpiry, SESSION_TTL_MS } from './session/expiry.ts';
export {
  generateLinkSecret,
  generateSessionToken,
  hashSecret,
  isSecretShaped,
  type NewSessionToken,
  parseSessionToken,
  secretMatches,
} from './session/token.ts';
