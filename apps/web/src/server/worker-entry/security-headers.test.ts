import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders, withSecurityHeaders } from './security-headers.ts';

const directives = (csp: string) =>
  Object.fromEntries(
    csp.split('; ').map((directive) => {
      const [name = '', ...values] = directive.split(' ');
      return [name, values];
    }),
  );

describe('security headers', () => {
  it('forbid framing, sniffing and full referrers everywhere; HSTS in production only', () => {
    for (const DEPLOY_ENV of ['production', 'preview', 'development']) {
      expect(securityHeaders({ DEPLOY_ENV }), DEPLOY_ENV).toMatchObject({
        'x-frame-options': 'DENY',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'strict-origin-when-cross-origin',
      });
    }
    expect(securityHeaders({ DEPLOY_ENV: 'production' })['strict-transport-security']).toBe(
      'max-age=63072000; includeSubDomains',
    );
    for (const DEPLOY_ENV of ['preview', 'development']) {
      expect(securityHeaders({ DEPLOY_ENV })['strict-transport-security']).toBeUndefined();
    }
  });

  it('keep scripts, styles, images, fonts and connections to this origin, inline scripts included', () => {
    expect(directives(contentSecurityPolicy({ DEPLOY_ENV: 'production' }))).toEqual({
      'default-src': ["'self'"],
      // Next streams its payload in inline scripts, and cached pages cannot carry a nonce.
      'script-src': ["'self'", "'unsafe-inline'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'font-src': ["'self'"],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      // A checkout without JavaScript is a form whose answer redirects to Stripe's page.
      'form-action': ["'self'", 'https://checkout.stripe.com'],
      'frame-ancestors': ["'none'"],
      'upgrade-insecure-requests': [],
    });
  });

  it('let a local checkout form reach the payment stand-in, and a local shop stay on http', () => {
    const local = directives(
      contentSecurityPolicy({ DEPLOY_ENV: 'development', STRIPE_LOCAL_API: '127.0.0.1:12111' }),
    );
    expect(local['form-action']).toEqual([
      "'self'",
      'https://checkout.stripe.com',
      'http://127.0.0.1:12111',
    ]);
    expect(local['upgrade-insecure-requests']).toBeUndefined();
    // A deployed Worker never trusts a stand-in (env.ts refuses the variable there anyway).
    expect(
      directives(contentSecurityPolicy({ DEPLOY_ENV: 'preview', STRIPE_LOCAL_API: '127.0.0.1:1' }))[
        'form-action'
      ],
    ).toEqual(["'self'", 'https://checkout.stripe.com']);
  });

  it('are set on any response, over what the app set, keeping its status, body and other headers', async () => {
    const original = new Response('<p>hi</p>', {
      status: 404,
      headers: { 'content-type': 'text/html', 'x-frame-options': 'SAMEORIGIN' },
    });
    const response = withSecurityHeaders(original, { DEPLOY_ENV: 'production' });
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('<p>hi</p>');
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=63072000/);
  });
});
