import { z } from 'zod';
import { storableText } from './storable-text.ts';

/** Bounds only; what makes an email or a password acceptable is core's to say. */
const email = z
  .string()
  .max(320, 'An email address is at most 320 characters.')
  .superRefine(storableText('The email address'));
const password = z
  .string()
  .max(1024, 'That is too long for a password: use at most 256 characters.');
const token = z.string().max(200, 'This link is not valid.').superRefine(storableText('The link'));

export const credentialsInput = z.object({ email, password });
export const emailInput = z.object({ email });
export const passwordInput = z.object({ password });
export const tokenInput = z.object({ token });
export const resetPasswordInput = z.object({ token, password });
export const changePasswordInput = z.object({ currentPassword: password, newPassword: password });
