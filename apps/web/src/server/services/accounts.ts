import 'server-only';
import type { AccountsInput } from '@edgecart/api';
import { type SessionCookie, serializeCookie } from '@edgecart/auth';
import { passwordHasher } from './password-hasher.ts';

/** The account services for one request at the shop's `origin`, the cookie written through `setCookie`. */
export function accountsFor(
  origin: string,
  setCookie: (cookie: SessionCookie, header: string) => void,
): AccountsInput {
  return {
    hasher: passwordHasher,
    origin,
    secure: origin.startsWith('https:'),
    setCookie: (cookie) => setCookie(cookie, serializeCookie(cookie)),
  };
}
