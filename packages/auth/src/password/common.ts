import { commonPasswords } from './common-passwords.generated.ts';

let common: Set<string> | undefined;

/**
 * Whether a password is among the 10,000 most common ones (from leaked
 * password sets, as zxcvbn-ts lists them), compared without case.
 */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(commonPasswords);
  return common.has(password.toLowerCase());
}
