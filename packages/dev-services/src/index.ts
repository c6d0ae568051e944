export { freePort } from './free-port.ts';
export { findPostgresBinDir, type LocalPostgres, startPostgres } from './postgres.ts';
export { parseTarget, startWsProxy, type WsProxy } from './ws-proxy.ts';
