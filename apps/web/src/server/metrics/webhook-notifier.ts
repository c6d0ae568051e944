import type { AlertNotifier } from '@edgecart/core';

/**
 * Posts alerts to a Slack-compatible incoming webhook (ALERT_WEBHOOK_URL):
 * `{"text": …}`, which Slack, Mattermost, Discord's `/slack` endpoint and
 * most chat tools take. A refusal or a timeout throws: the alert stays
 * unsent, and the next scheduled run posts it.
 */
export function webhookNotifier(
  url: string,
  options: { fetch?: typeof fetch } = {},
): AlertNotifier {
  const send = options.fetch ?? fetch;
  return {
    async post(message) {
      const response = await send(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(10_000),
      });
      const text = await response.text();
      if (!response.ok) {
        throw new Error(`the alert webhook answered ${response.status}: ${text.slice(0, 200)}`);
      }
    },
  };
}
