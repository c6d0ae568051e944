export { createOrPromoteAdmin } from './admin.ts';
export { changePassword } from './change-password.ts';
export { validEmail, validNewPassword } from './credentials.ts';
export { type LogInDeps, logIn } from './log-in.ts';
export { normalizeEmail } from './normalize-email.ts';
export { requestPasswordReset, resetPassword } from './password-reset.ts';
export { deleteAccount, exportAccountData } from './privacy.ts';
export {
  createSession,
  invalidateSession,
  invalidateUserSessions,
  type SessionUser,
  type ValidSession,
  validateSessionToken,
} from './sessions.ts';
export { confirmSignUp, requestSignUp, type SignUpDeps } from './sign-up.ts';
