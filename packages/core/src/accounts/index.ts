export { normalizeEmail } from './email.ts';
export {
  createSession,
  invalidateSession,
  invalidateUserSessions,
  type SessionUser,
  type ValidSession,
  validateSessionToken,
} from './sessions.ts';
