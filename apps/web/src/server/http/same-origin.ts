/**
 * CSRF protection for anything that changes state (tRPC mutations, form
 * POSTs): a browser says where a request comes from, in `Origin` (every POST
 * from a current browser) or `Sec-Fetch-Site`. A request another site made
 * is refused; one from this origin passes. A request with neither header came
 * from no browser (a script, a server), which cannot ride a visitor's cookies.
 */
export function isCrossSite(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (origin !== null) return !URL.canParse(origin) || new URL(origin).host !== hostOf(request);
  const site = request.headers.get('sec-fetch-site');
  return site !== null && site !== 'same-origin' && site !== 'none';
}

/**
 * The host the browser addressed. Behind the Worker's and Next's plumbing,
 * `request.url` may name an internal host; the Host header is what the
 * browser sent (as Next's own Server Action check uses it). A page on another
 * site cannot set it.
 */
function hostOf(request: Request): string {
  return request.headers.get('host') ?? new URL(request.url).host;
}

/** The 403 a cross-site request gets; nothing was changed. */
export function crossSiteResponse(requestId: string): Response {
  return Response.json(
    {
      error:
        'This request came from another site, so it was refused and nothing was changed. Use the shop itself.',
      requestId,
    },
    { status: 403, headers: { 'x-request-id': requestId, 'cache-control': 'no-store' } },
  );
}
