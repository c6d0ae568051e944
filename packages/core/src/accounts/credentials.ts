import { passwordProblem } from '@edgecart/auth';
import { z } from 'zod';
import { InvalidInputError } from '../errors.ts';
import { normalizeEmail } from './normalize-email.ts';

const emailSchema = z.email().max(254);

/** The email as stored, or an error shown next to the Email field. */
export function validEmail(input: string): string {
  const email = normalizeEmail(input);
  if (!emailSchema.safeParse(email).success) {
    throw new InvalidInputError('Enter an email address such as ann@example.com.', {
      field: 'email',
    });
  }
  return email;
}

/** A password that meets the policy, or an error shown next to the Password field. */
export function validNewPassword(password: string): string {
  const problem = passwordProblem(password);
  if (problem) throw new InvalidInputError(problem, { field: 'password' });
  return password;
}
