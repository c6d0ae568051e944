import { isCommonPassword } from './common.ts';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

/** What is wrong with a new password, in words a person can act on; null when it is fine. */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) {
    return `Use at least ${PASSWORD_MIN} characters (this one has ${length}).`;
  }
  if (length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  if (isCommonPassword(password)) {
    return 'This password is one of the most common ones and easy to guess: choose another, such as a few unrelated words.';
  }
  return null;
}
