/**
 * The runtime's own console, taken before Next.js wraps it. Next's server
 * replaces `console.log` and its kin with wrappers that consult its async
 * storage on every call (to dim logs of aborted prerenders, to step out of a
 * render's scope), two layers that cost 2 % of a warm page hit's CPU in the
 * bench's profile. The entry's lines are its own, logged outside any render,
 * so they skip the wrappers. worker.ts imports this module first, before the
 * app's bundle runs.
 */
export const runtimeConsole = {
  log: console.log.bind(console),
  warn: console.warn.bind(console),
  error: console.error.bind(console),
};
