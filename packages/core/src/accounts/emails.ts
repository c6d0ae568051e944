import type { OutgoingEmail } from '../outbox/queue.ts';

/** The link that finishes a sign-up, valid for an hour. */
export function signUpConfirmEmail(to: string, link: string): OutgoingEmail {
  return {
    kind: 'sign-up-confirm',
    to,
    subject: 'Finish signing up to Edgecart',
    body: [
      'Open this link within an hour to create your Edgecart account and log in:',
      '',
      link,
      '',
      'If you did not try to sign up, ignore this email: no account is created without it.',
    ].join('\n'),
  };
}

/** Sent instead when the address already has an account: the form says the same either way. */
export function accountExistsEmail(to: string, origin: string): OutgoingEmail {
  return {
    kind: 'sign-up-account-exists',
    to,
    subject: 'You already have an Edgecart account',
    body: [
      'Someone tried to sign up to Edgecart with this address, which already has an account.',
      '',
      `If it was you, log in at ${origin}/login, or choose a new password at ${origin}/forgot-password.`,
      'If it was not you, you need do nothing: your account is unchanged.',
    ].join('\n'),
  };
}

/** The link that sets a new password, valid for an hour. */
export function passwordResetEmail(to: string, link: string): OutgoingEmail {
  return {
    kind: 'password-reset',
    to,
    subject: 'Choose a new Edgecart password',
    body: [
      'Open this link within an hour to choose a new password. Doing so logs you out everywhere.',
      '',
      link,
      '',
      'If you did not ask for this, ignore this email: your password is unchanged.',
    ].join('\n'),
  };
}
