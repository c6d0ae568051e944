import { describe, expect, it } from 'vitest';
import { readDbEnv, readScriptDbEnv } from './env.ts';

describe('readScriptDbEnv', () => {
  it('uses the embedded database locally when DATABASE_URL is unset', () => {
    expect(readScriptDbEnv({}).DATABASE_URL).toBeUndefined();
    expect(readScriptDbEnv({ CI: 'false' }).PGLITE_DATA_DIR).toBe(
      '../../node_modules/.cache/edgecart/pglite',
    );
  });

  it.each([{ CI: 'true' }, { CI: '1' }, { CI: 'true', DATABASE_URL: '' }])(
    'refuses to run on CI without DATABASE_URL (%o)',
    (source) => {
      expect(() => readScriptDbEnv(source)).toThrow(/DATABASE_URL is not set .* CI is set/);
    },
  );

  it('takes DATABASE_URL on CI', () => {
    const url = 'postgres://u:p@ep-x-pooler.eu-central-1.aws.neon.tech/neondb';
    expect(readScriptDbEnv({ CI: 'true', DATABASE_URL: url }).DATABASE_URL).toBe(url);
  });
});

describe('readDbEnv', () => {
  it('names a malformed setting', () => {
    expect(() => readDbEnv({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
  });
});
