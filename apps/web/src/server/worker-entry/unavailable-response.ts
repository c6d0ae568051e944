/**
 * The "Try again" link: this same path on this shop, and nothing else. Only
 * word characters, `/`, `.` and `-` are kept, and repeated slashes become
 * one: `//evil.example/x` would be a link to another host.
 */
export function retryHref(path: string): string {
  const kept = path.replace(/[^\w/.-]/g, '').replace(/\/{2,}/g, '/');
  return kept.startsWith('/') ? kept : `/${kept}`;
}

/**
 * The answer when the database cannot be reached: 503 with Retry-After, the
 * request id, and a page a shopper can act on (or JSON for API callers).
 */
export function unavailableResponse(request: Request, requestId: string): Response {
  const headers = {
    'cache-control': 'no-store',
    'retry-after': '5',
    'x-request-id': requestId,
  };
  const path = new URL(request.url).pathname;
  const wantsHtml =
    !path.startsWith('/api/') && request.headers.get('accept')?.includes('text/html');
  if (!wantsHtml) {
    return Response.json(
      { error: 'The shop is briefly unavailable. Try again in a few seconds.', requestId },
      { status: 503, headers },
    );
  }
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Back in a moment · Edgecart</title>
<style>body{font-family:system-ui,sans-serif;margin:0;padding:4rem 1.5rem;text-align:center;color:#1b2420;background:#faf8f3}main{max-width:32rem;margin:0 auto}a{color:#1f3d2b}code{font-size:.9em}</style>
</head><body><main>
<h1>Back in a moment</h1>
<p>The shop cannot reach its database just now. Nothing you did caused this, and nothing was changed.</p>
<p><a href="${retryHref(path)}">Try again</a> in a few seconds.</p>
<p>Reference: <code>${requestId.replace(/[^\w.:-]/g, '')}</code></p>
</main></body></html>`;
  return new Response(html, {
    status: 503,
    headers: { ...headers, 'content-type': 'text/html; charset=utf-8' },
  });
}
