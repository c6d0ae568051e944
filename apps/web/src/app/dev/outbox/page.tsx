import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getApi } from '~/server/pages/api';
import { devOutboxEnabled } from '~/server/services/email';

export const metadata: Metadata = { title: 'Outbox (development)', robots: { index: false } };

const URL_IN_TEXT = /(https?:\/\/\S+)/g;

/** What the shop would have emailed, newest first: DEV_TOOLS=1 without a provider only, else 404. */
export default async function OutboxPage() {
  if (!devOutboxEnabled()) notFound();
  const emails = await (await getApi()).dev.outbox();
  return (
    <div className="outbox">
      <h1>Outbox</h1>
      <p>Emails the shop would send. This page exists in development only (DEV_TOOLS=1).</p>
      {emails.length === 0 ? <p>No emails yet.</p> : null}
      <ol className="outbox__list">
        {emails.map((email) => (
          <li key={email.id}>
            <article aria-label={`${email.subject} to ${email.to}`}>
              <h2>{email.subject}</h2>
              <p className="outbox__meta">
                To {email.to} · {email.kind} · {email.createdAt.toISOString()}
              </p>
              <p className="outbox__body">
                {email.body.split(URL_IN_TEXT).map((part, i) =>
                  /^https?:\/\//.test(part) ? (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text
                    <a key={i} href={part}>
                      {part}
                    </a>
                  ) : (
                    part
                  ),
                )}
              </p>
            </article>
          </li>
        ))}
      </ol>
    </div>
  );
}
