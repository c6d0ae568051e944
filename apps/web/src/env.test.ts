import { describe, expect, it, vi } from 'vitest';
import { deployEnvProblem, requireWorkerDeployEnv } from './deploy-env.ts';
import { type AppRuntimeEnv, createAppEnv, type DeploySettings, deployProblems } from './env.ts';

const deployed: DeploySettings = {
  DEPLOY_ENV: 'production',
  DATABASE_URL: 'postgres://shop:pw@ep-cool-name-pooler.eu-central-1.aws.neon.tech/neondb',
  UPSTASH_REDIS_REST_URL: 'https://eu1-shop.upstash.io',
  UPSTASH_REDIS_REST_TOKEN: 'token',
  RESEND_API_KEY: 're_live_key',
  EMAIL_FROM: 'Edgecart <shop@example.com>',
  STRIPE_SECRET_KEY: 'sk_live_key',
  STRIPE_WEBHOOK_SECRET: 'whsec_live',
  SITE_URL: 'https://shop.example.com',
};

const variables = (settings: DeploySettings) => deployProblems(settings).map((p) => p.variable);

const runtime = (values: Partial<AppRuntimeEnv>): AppRuntimeEnv => ({
  NODE_ENV: 'production',
  DEPLOY_ENV: undefined,
  DATABASE_URL: undefined,
  NEON_LOCAL_PROXY: undefined,
  DEV_TOOLS: undefined,
  PGLITE_DATA_DIR: undefined,
  UPSTASH_REDIS_REST_URL: undefined,
  CATALOG_CACHE: undefined,
  CACHE_PREFIX: undefined,
  CACHE_TIMEOUT_MS: undefined,
  UPSTASH_REDIS_REST_TOKEN: undefined,
  UPSTASH_LIMITS_REDIS_REST_URL: undefined,
  UPSTASH_LIMITS_REDIS_REST_TOKEN: undefined,
  RESEND_API_KEY: undefined,
  EMAIL_FROM: undefined,
  RESEND_BASE_URL: undefined,
  STRIPE_SECRET_KEY: undefined,
  STRIPE_WEBHOOK_SECRET: undefined,
  STRIPE_LOCAL_API: undefined,
  INTERNAL_CRON_SECRET: undefined,
  IMAGE_TRANSFORMATIONS: undefined,
  IMPORT_IMAGE_HOSTS: undefined,
  ANALYTICS_LOCAL_URL: undefined,
  ANALYTICS_DATASET: undefined,
  CLOUDFLARE_ACCOUNT_ID: undefined,
  ANALYTICS_API_TOKEN: undefined,
  ALERT_WEBHOOK_URL: undefined,
  ALERT_THRESHOLDS: undefined,
  SENTRY_DSN: undefined,
  SITE_URL: undefined,
  ...values,
});

describe('deployProblems', () => {
  it('accepts a complete production or preview configuration', () => {
    expect(deployProblems(deployed)).toEqual([]);
    expect(
      deployProblems({
        ...deployed,
        DEPLOY_ENV: 'preview',
        STRIPE_SECRET_KEY: 'sk_test_key',
        SITE_URL: 'https://edgecart-pr-7.acme.workers.dev',
      }),
    ).toEqual([]);
  });

  it('asks nothing in development', () => {
    expect(deployProblems({ DEPLOY_ENV: 'development', NEON_LOCAL_PROXY: '127.0.0.1:1' })).toEqual(
      [],
    );
  });

  it.each(['production', 'preview'] as const)('requires every secret in %s', (deployEnv) => {
    expect(variables({ DEPLOY_ENV: deployEnv })).toEqual([
      'DATABASE_URL',
      'UPSTASH_REDIS_REST_URL',
      'UPSTASH_REDIS_REST_TOKEN',
      'RESEND_API_KEY',
      'STRIPE_SECRET_KEY',
      'SITE_URL',
    ]);
  });

  it('refuses the metrics stand-in once deployed, and takes it in development', () => {
    expect(variables({ ...deployed, ANALYTICS_LOCAL_URL: 'http://127.0.0.1:4020' })).toEqual([
      'ANALYTICS_LOCAL_URL',
    ]);
    expect(
      variables({ DEPLOY_ENV: 'development', ANALYTICS_LOCAL_URL: 'http://127.0.0.1:1' }),
    ).toEqual([]);
  });

  it('refuses the payment stand-in once deployed, and a Stripe key without its webhook secret', () => {
    expect(variables({ ...deployed, STRIPE_LOCAL_API: '127.0.0.1:12111' })).toEqual([
      'STRIPE_LOCAL_API',
    ]);
    expect(variables({ DEPLOY_ENV: 'development', STRIPE_SECRET_KEY: 'sk_test_x' })).toEqual([
      'STRIPE_WEBHOOK_SECRET',
    ]);
  });

  it('requires a live Stripe key in production and a test-mode key in a preview', () => {
    const preview = { ...deployed, DEPLOY_ENV: 'preview' as const };
    for (const key of ['sk_live_x', 'rk_live_x']) {
      expect(variables({ ...deployed, STRIPE_SECRET_KEY: key }), key).toEqual([]);
      expect(variables({ ...preview, STRIPE_SECRET_KEY: key }), key).toEqual(['STRIPE_SECRET_KEY']);
    }
    for (const key of ['sk_test_x', 'rk_test_x']) {
      expect(variables({ ...deployed, STRIPE_SECRET_KEY: key }), key).toEqual([
        'STRIPE_SECRET_KEY',
      ]);
      expect(variables({ ...preview, STRIPE_SECRET_KEY: key }), key).toEqual([]);
    }
    expect(deployProblems({ ...deployed, STRIPE_SECRET_KEY: 'sk_test_x' })[0]?.message).toMatch(
      /must be a live key \(sk_live_… or rk_live_…\)/,
    );
    expect(
      variables({
        DEPLOY_ENV: 'development',
        STRIPE_SECRET_KEY: 'sk_live_x',
        STRIPE_WEBHOOK_SECRET: 'whsec_x',
      }),
    ).toEqual([]);
  });

  it('takes a separate database for the rate limits only whole', () => {
    const limits = {
      UPSTASH_LIMITS_REDIS_REST_URL: 'https://eu1-limits.upstash.io',
      UPSTASH_LIMITS_REDIS_REST_TOKEN: 'token',
    };
    expect(variables({ ...deployed, ...limits })).toEqual([]);
    expect(
      variables({ ...deployed, UPSTASH_LIMITS_REDIS_REST_URL: 'https://x.upstash.io' }),
    ).toEqual(['UPSTASH_LIMITS_REDIS_REST_TOKEN']);
    expect(variables({ DEPLOY_ENV: 'development', UPSTASH_LIMITS_REDIS_REST_TOKEN: 't' })).toEqual([
      'UPSTASH_LIMITS_REDIS_REST_URL',
    ]);
    const env = createAppEnv(runtime({ ...limits }), { worker: false });
    expect(env.UPSTASH_LIMITS_REDIS_REST_URL).toBe('https://eu1-limits.upstash.io');
  });

  it('refuses the email stand-in once deployed, and a provider key without a sender anywhere', () => {
    expect(variables({ ...deployed, RESEND_BASE_URL: 'http://127.0.0.1:4010' })).toEqual([
      'RESEND_BASE_URL',
    ]);
    expect(variables({ ...deployed, EMAIL_FROM: undefined })).toEqual(['EMAIL_FROM']);
    expect(variables({ DEPLOY_ENV: 'development', RESEND_API_KEY: 're_x' })).toEqual([
      'EMAIL_FROM',
    ]);
    expect(variables({ DEPLOY_ENV: 'development', RESEND_BASE_URL: 'http://127.0.0.1:1' })).toEqual(
      [],
    );
  });

  it('refuses the local proxy once deployed', () => {
    expect(variables({ ...deployed, NEON_LOCAL_PROXY: '127.0.0.1:5433' })).toEqual([
      'NEON_LOCAL_PROXY',
    ]);
  });

  it.each([
    'http://localhost:3000',
    'https://localhost',
    'https://shop.localhost',
    'https://127.0.0.1:8787',
    'https://[::1]',
    'http://shop.example.com',
    'not a url',
  ])('refuses %s as the deployed site URL', (site) => {
    expect(variables({ ...deployed, SITE_URL: site })).toEqual(['SITE_URL']);
  });
});

describe('createAppEnv', () => {
  // The failure is also logged, for the Worker's logs; keep the test output quiet.
  vi.spyOn(console, 'error').mockImplementation(() => {});

  it('defaults to development: PGlite, memory cache, localhost', () => {
    // next build sets NODE_ENV=production; only DEPLOY_ENV switches the rules on.
    const env = createAppEnv(runtime({}));
    expect(env.DEPLOY_ENV).toBe('development');
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.SITE_URL).toBe('http://localhost:3000');
  });

  it('fails at start in production without its secrets, naming each one', () => {
    const start = () => createAppEnv(runtime({ DEPLOY_ENV: 'production', DATABASE_URL: '' }));
    expect(start).toThrow(/- DATABASE_URL: required when DEPLOY_ENV is production/);
    expect(start).toThrow(/- UPSTASH_REDIS_REST_TOKEN: required/);
    expect(start).toThrow(/- SITE_URL: must be .* set it as a variable of this Worker/);
  });

  it('keeps the deployed values as they are', () => {
    const { DEV_TOOLS: _devTools, ...settings } = deployed;
    const env = createAppEnv(runtime(settings));
    expect(env.DEPLOY_ENV).toBe('production');
    expect(env.SITE_URL).toBe('https://shop.example.com');
  });

  it('reads the alert thresholds over their defaults, and refuses a bad one at start', () => {
    const env = createAppEnv(runtime({ ALERT_THRESHOLDS: 'errorRate=0.02' }));
    expect(env.ALERT_THRESHOLDS).toMatchObject({ errorRate: 0.02, p99Ms: 3000 });
    expect(() => createAppEnv(runtime({ ALERT_THRESHOLDS: 'errorRate=lots' }))).toThrow(
      /- ALERT_THRESHOLDS: alert thresholds, name=value pairs .*errorRate: "lots" is not a number/,
    );
  });

  it('gives each cache call 250 ms unless told otherwise, and refuses a deadline that is not one', () => {
    expect(createAppEnv(runtime({})).CACHE_TIMEOUT_MS).toBe(250);
    expect(createAppEnv(runtime({ CACHE_TIMEOUT_MS: '2000' })).CACHE_TIMEOUT_MS).toBe(2000);
    for (const value of ['soon', '0', '1.5', '60000']) {
      expect(() => createAppEnv(runtime({ CACHE_TIMEOUT_MS: value }))).toThrow(/CACHE_TIMEOUT_MS/);
    }
  });

  it('refuses an unknown DEPLOY_ENV', () => {
    expect(() => createAppEnv(runtime({ DEPLOY_ENV: 'prod' }))).toThrow(/DEPLOY_ENV/);
  });

  it('refuses to start a Worker without DEPLOY_ENV, rather than taking it for development', () => {
    for (const value of [undefined, '']) {
      expect(() => createAppEnv(runtime({ DEPLOY_ENV: value }), { worker: true })).toThrow(
        /- DEPLOY_ENV: DEPLOY_ENV is not set: a Worker must say where it runs/,
      );
    }
    // The local Worker (preview:edge, the Worker tests) says so explicitly.
    const local = createAppEnv(runtime({ DEPLOY_ENV: 'development' }), { worker: true });
    expect(local.DEPLOY_ENV).toBe('development');
    // next dev, next build and the tests run outside a Worker: unset is development there.
    expect(createAppEnv(runtime({}), { worker: false }).DEPLOY_ENV).toBe('development');
  });

  it('refuses development tools in a deployed Worker, and allows them locally', () => {
    expect(variables({ ...deployed, DEV_TOOLS: true })).toEqual(['DEV_TOOLS']);
    expect(deployProblems({ DEPLOY_ENV: 'development', DEV_TOOLS: true })).toEqual([]);
    expect(createAppEnv(runtime({ DEV_TOOLS: '1' })).DEV_TOOLS).toBe(true);
    expect(createAppEnv(runtime({})).DEV_TOOLS).toBe(false);
  });
});

describe('DEPLOY_ENV in a Worker', () => {
  it('must be set, and one of the three', () => {
    expect(deployEnvProblem(undefined, true)).toMatch(/not set/);
    expect(deployEnvProblem('', true)).toMatch(/not set/);
    expect(deployEnvProblem(undefined, false)).toBeNull();
    expect(deployEnvProblem('staging', false)).toMatch(
      /must be one of production, preview, development/,
    );
    for (const value of ['production', 'preview', 'development']) {
      expect(deployEnvProblem(value, true)).toBeNull();
    }
  });

  it('is what the Worker’s entry serves with, or it serves nothing', () => {
    expect(requireWorkerDeployEnv('preview')).toBe('preview');
    expect(() => requireWorkerDeployEnv(undefined)).toThrow(
      /^Refusing to serve: DEPLOY_ENV is not set/,
    );
    expect(() => requireWorkerDeployEnv('Production')).toThrow(/must be one of/);
  });
});
