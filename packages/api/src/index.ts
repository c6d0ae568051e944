import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from './root.ts';

export { type AccountsInput, type Context, type ContextInput, createContext } from './context.ts';
export { describeErrorForLog, type ErrorLogFields } from './error-log.ts';
export { type FormProblem, formProblem, internalErrorMessage } from './error-reply.ts';
export {
  type FailureDelayName,
  failureDelayRules,
  type RateLimiters,
  type RateLimitName,
  rateLimitRules,
} from './rate-limits.ts';
export { type AppRouter, appRouter, createCaller } from './root.ts';

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
