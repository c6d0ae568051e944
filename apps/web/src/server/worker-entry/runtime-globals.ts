/**
 * The runtime's own `console` and `Request`, taken before the app's bundle
 * replaces them. Next's server wraps `console.log` and its kin in two layers
 * that consult its async storage on every call (to dim logs of aborted
 * prerenders, to step out of a render's scope), and OpenNext swaps `Request`
 * for a subclass that rewrites the init of every request the app makes. The
 * entry's log line and its copy of each incoming request are its own, made
 * outside any render: they skip both (together 5 % of a warm page hit's CPU
 * in the bench's profile). worker.ts imports this module first, before the
 * app's bundle runs.
 */
export const runtimeConsole = {
  log: console.log.bind(console),
  warn: console.warn.bind(console),
  error: console.error.bind(console),
};

export const RuntimeRequest: typeof Request = globalThis.Request;
