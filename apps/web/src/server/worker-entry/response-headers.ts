/**
 * Sets headers on a response the entry passes on: in place when its headers
 * can change (the entry's own answers and the app's), else on a copy (the
 * headers of a `fetch()` answer or a redirect are immutable). The entry sets
 * headers in three places on every request; a copy each time was three new
 * Responses around one body.
 */
export function withHeaders(response: Response, headers: Record<string, string>): Response {
  const entries = Object.entries(headers);
  try {
    for (const [name, value] of entries) response.headers.set(name, value);
    return response;
  } catch {
    // Immutable: the first set threw, so nothing was changed on the original.
    const copy = new Response(response.body, response);
    for (const [name, value] of entries) copy.headers.set(name, value);
    return copy;
  }
}
