import { Client, neonConfig } from '@neondatabase/serverless';
import { describe, expect, it } from 'vitest';
import { configureClient, registerLocalHttpEndpoint } from './neon-settings.ts';

describe('Neon driver settings', () => {
  it("stay on the client they were given to, never leaking into later clients or the driver's globals", () => {
    const defaults = {
      useSecureWebSocket: neonConfig.useSecureWebSocket,
      pipelineTLS: neonConfig.pipelineTLS,
      pipelineConnect: neonConfig.pipelineConnect,
      wsProxy: neonConfig.wsProxy,
    };
    const local = new Client('postgres://u:p@127.0.0.1:5432/db');
    configureClient(local, { localProxy: '127.0.0.1:4444' });
    expect(local.neonConfig.useSecureWebSocket).toBe(false);
    expect(local.neonConfig.pipelineConnect).toBe(false);

    const production = new Client('postgres://u:p@ep-shop-123.eu-central-1.aws.neon.tech/db');
    configureClient(production, {});
    expect(production.neonConfig.useSecureWebSocket).toBe(defaults.useSecureWebSocket);
    expect(production.neonConfig.pipelineTLS).toBe(defaults.pipelineTLS);
    expect(production.neonConfig.pipelineConnect).toBe(defaults.pipelineConnect);
    expect(production.neonConfig.wsProxy).toBe(defaults.wsProxy);
    expect(neonConfig.useSecureWebSocket).toBe(defaults.useSecureWebSocket);
    expect(neonConfig.pipelineConnect).toBe(defaults.pipelineConnect);
  });

  it('send HTTP queries to the local stand-in only for a registered local server', () => {
    registerLocalHttpEndpoint('postgres://u:p@127.0.0.1:6543/db', '127.0.0.1:4444');
    const endpoint = neonConfig.fetchEndpoint;
    if (typeof endpoint !== 'function') throw new Error('the endpoint is a dispatcher');
    expect(endpoint('127.0.0.1', '6543')).toBe('http://127.0.0.1:4444/sql');
    expect(endpoint('127.0.0.1', '5432')).not.toContain('4444');
    expect(endpoint('ep-shop-123.eu-central-1.aws.neon.tech', '')).toBe(
      'https://api.eu-central-1.aws.neon.tech/sql',
    );
  });
});
