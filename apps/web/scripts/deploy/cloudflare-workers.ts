/**
 * Deletes a Worker through the Cloudflare API (what closing a pull request
 * does to its preview). Answers false when there was none, so a re-run passes.
 */
export async function deleteWorker(options: {
  /** CLOUDFLARE_API_BASE_URL, as wrangler reads it; Cloudflare's own when unset. */
  apiBaseUrl?: string | undefined;
  apiToken: string;
  accountId: string;
  name: string;
}): Promise<boolean> {
  const base = (options.apiBaseUrl ?? 'https://api.cloudflare.com/client/v4').replace(/\/$/, '');
  const response = await fetch(
    `${base}/accounts/${encodeURIComponent(options.accountId)}/workers/scripts/${encodeURIComponent(options.name)}?force=true`,
    {
      method: 'DELETE',
      headers: { authorization: `Bearer ${options.apiToken}` },
      signal: AbortSignal.timeout(30_000),
    },
  );
  const body = (await response.json().catch(() => ({}))) as { errors?: unknown };
  if (response.status === 404) return false;
  if (!response.ok) {
    throw new Error(
      `Deleting the Worker ${options.name} answered ${response.status}: ${JSON.stringify(body.errors ?? body)}`,
    );
  }
  return true;
}
