import { describe, expect, test } from 'vitest';
import {
  closeSettings,
  previewNames,
  previewSettings,
  productionSettings,
  withoutSecrets,
} from './deploy-settings.ts';

const preview = {
  CLOUDFLARE_API_TOKEN: 'token',
  CLOUDFLARE_ACCOUNT_ID: 'account',
  WORKERS_SUBDOMAIN: 'edgecart-ci',
  NEON_API_KEY: 'neon',
  NEON_PROJECT_ID: 'project',
  NEON_PREVIEW_PARENT_BRANCH: 'preview-seed',
  PREVIEW_UPSTASH_REDIS_REST_URL: 'https://redis.example.com',
  PREVIEW_UPSTASH_REDIS_REST_TOKEN: 'upstash',
  PREVIEW_RESEND_API_KEY: 're_x',
  EMAIL_FROM: 'Shop <shop@example.com>',
  PREVIEW_STRIPE_SECRET_KEY: 'sk_test_x',
  PR_NUMBER: '12',
  HEAD_SHA: '0123456789abcdef0123456789abcdef01234567',
};

const production = {
  CLOUDFLARE_API_TOKEN: 'token',
  CLOUDFLARE_ACCOUNT_ID: 'account',
  DATABASE_URL: 'postgres://u:p@ep-x-pooler.neon.tech/neondb',
  UPSTASH_REDIS_REST_URL: 'https://redis.example.com',
  UPSTASH_REDIS_REST_TOKEN: 'upstash',
  RESEND_API_KEY: 're_x',
  EMAIL_FROM: 'Shop <shop@example.com>',
  STRIPE_SECRET_KEY: 'sk_live_x',
  STRIPE_WEBHOOK_SECRET: 'whsec_x',
  SITE_URL: 'https://shop.example.com',
  HEAD_SHA: '0123456789abcdef0123456789abcdef01234567',
};

describe('preview settings', () => {
  test('complete ones parse, with Neon defaults', () => {
    const settings = previewSettings(preview);
    expect(settings.NEON_DATABASE).toBe('neondb');
    expect(settings.NEON_ROLE).toBe('neondb_owner');
    expect(settings.NEON_API_BASE_URL).toBe('https://console.neon.tech/api/v2');
  });

  test('a missing or empty secret is named, as GitHub passes an unset one as ""', () => {
    expect(() => previewSettings({ ...preview, NEON_API_KEY: '' })).toThrow(/NEON_API_KEY/);
  });

  test('a live Stripe key is refused: a preview never charges a card', () => {
    expect(() => previewSettings({ ...preview, PREVIEW_STRIPE_SECRET_KEY: 'sk_live_x' })).toThrow(
      /test-mode key/,
    );
  });

  test('closing needs only what deleting takes', () => {
    expect(closeSettings({ ...preview, PREVIEW_UPSTASH_REDIS_REST_URL: '' }).PR_NUMBER).toBe('12');
  });

  test("a preview's names follow from its pull request", () => {
    expect(previewNames('12', 'edgecart-ci')).toEqual({
      worker: 'edgecart-pr-12',
      branch: 'preview/pr-12',
      url: 'https://edgecart-pr-12.edgecart-ci.workers.dev',
      cachePrefix: 'pr-12',
    });
  });
});

describe('production settings', () => {
  test('complete ones parse', () => {
    expect(productionSettings(production).SITE_URL).toBe('https://shop.example.com');
  });

  test.each([
    ['a test-mode Stripe key', { STRIPE_SECRET_KEY: 'sk_test_x' }, /live key/],
    ['an http site', { SITE_URL: 'http://shop.example.com' }, /https origin/],
    ['a site with a path', { SITE_URL: 'https://example.com/shop' }, /without a path/],
    [
      'half of the limits database',
      { UPSTASH_LIMITS_REDIS_REST_URL: 'https://l.example.com' },
      /go together/,
    ],
    ['no commit', { HEAD_SHA: '' }, /HEAD_SHA/],
  ])('%s is refused before anything changes', (_, change, why) => {
    expect(() => productionSettings({ ...production, ...change })).toThrow(why);
  });
});

test('a build or a migration never sees the deploy secrets', () => {
  const env = withoutSecrets({ PATH: '/bin', NEON_API_KEY: 'x', CLOUDFLARE_API_TOKEN: 'y' }, [
    'NEON_API_KEY',
    'CLOUDFLARE_API_TOKEN',
  ]);
  expect(env).toEqual({ PATH: '/bin' });
});
