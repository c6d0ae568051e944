import { METRICS_RANGES, type MetricsDashboard, type MetricsRange } from '@edgecart/core';
import type { Metadata } from 'next';
import { FunnelChart } from '~/components/admin/funnel-chart';
import { LineChart } from '~/components/admin/line-chart';
import Link from '~/components/link';
import { formatMoney } from '~/lib/format';
import { getAdminApi } from '~/server/pages/admin-api';

export const metadata: Metadata = { title: 'Metrics' };

const ranges = Object.keys(METRICS_RANGES) as MetricsRange[];
const ms = (value: number) => `${Math.round(value)} ms`;
const percent = (value: number) => `${(value * 100).toFixed(value > 0 && value < 0.01 ? 2 : 1)}%`;
const perMinute = (value: number) => (value >= 10 ? value.toFixed(0) : value.toFixed(1));

/** The groups that carry the most traffic, charted; the table lists them all. */
const CHARTED = 5;

/**
 * How the shop runs, from the request and business data points the Worker
 * writes to Workers Analytics Engine: throughput, response times and errors
 * per route group, the checkout funnel, and what went wrong. Server-rendered
 * SVG: no script needed.
 */
export default async function AdminMetricsPage({
  searchParams,
}: {
  searchParams: Promise<{ range?: string }>;
}) {
  const asked = (await searchParams).range;
  const range: MetricsRange = ranges.includes(asked as MetricsRange)
    ? (asked as MetricsRange)
    : 'hour';
  const api = await getAdminApi();
  const [result, incidents] = await Promise.all([
    api.admin.metrics.dashboard({ range }),
    api.admin.metrics.incidents(),
  ]);
  return (
    <>
      <h1>Metrics</h1>
      <nav aria-label="Window" className="tabs">
        <ul>
          {ranges.map((r) => (
            <li key={r}>
              <Link
                href={`/admin/metrics?range=${r}`}
                aria-current={r === range ? 'page' : undefined}
              >
                {METRICS_RANGES[r].label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {incidents.length > 0 ? (
        <section aria-labelledby="incidents" className="notice notice--error">
          <h2 id="incidents">Open alerts</h2>
          <ul>
            {incidents.map((incident) => (
              <li key={incident.rule}>
                {incident.summary}, since{' '}
                {incident.openedAt.toLocaleString('en-GB', {
                  timeZone: 'UTC',
                  dateStyle: 'medium',
                  timeStyle: 'short',
                })}{' '}
                UTC
                {incident.notified ? '' : ' (not posted yet: the alert webhook has not taken it)'}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {result.status === 'unconfigured' ? (
        <p className="notice">
          Metrics are recorded, but this shop cannot read them yet: set{' '}
          <code>CLOUDFLARE_ACCOUNT_ID</code> and <code>ANALYTICS_API_TOKEN</code> (an API token with
          &ldquo;Account Analytics: Read&rdquo;) on the Worker. See docs/operations.md.
        </p>
      ) : result.status === 'unavailable' ? (
        <p className="notice notice--error">
          The metrics could not be read just now: {result.reason}. Try again in a minute.
        </p>
      ) : (
        <Dashboard dashboard={result.dashboard} />
      )}
    </>
  );
}

function Dashboard({ dashboard }: { dashboard: MetricsDashboard }) {
  const { totals, events } = dashboard;
  if (totals.requests === 0 && Object.values(events).every((n) => n === 0)) {
    return (
      <p className="notice">
        Nothing was recorded in this window. Requests show here within a minute of being served.
      </p>
    );
  }
  const charted = dashboard.series.slice(0, CHARTED);
  const chart = {
    from: dashboard.from,
    to: dashboard.to,
    bucketSeconds: dashboard.bucketSeconds,
  };
  const bucketMinutes = dashboard.bucketSeconds / 60;
  return (
    <>
      <dl className="admin-stats">
        <div>
          <dt>Requests per minute</dt>
          <dd>{perMinute(totals.perMinute)}</dd>
        </div>
        <div>
          <dt>Errors (5xx)</dt>
          <dd>{percent(totals.errorRate)}</dd>
        </div>
        <div>
          <dt>Response time p50</dt>
          <dd>{ms(totals.p50)}</dd>
        </div>
        <div>
          <dt>p95</dt>
          <dd>{ms(totals.p95)}</dd>
        </div>
        <div>
          <dt>p99</dt>
          <dd>{ms(totals.p99)}</dd>
        </div>
      </dl>
      <section aria-labelledby="traffic" className="section">
        <h2 id="traffic">Traffic by route group</h2>
        <LineChart
          title="Throughput"
          unit="requests per minute"
          {...chart}
          zeroFill
          format={perMinute}
          series={charted.map((s) => ({
            name: s.group,
            values: s.points.map((p) => ({ at: p.at, value: p.requests / bucketMinutes })),
          }))}
        />
        <LineChart
          title="Response time, every route"
          unit="ms until the response's headers"
          {...chart}
          series={(['p50', 'p95', 'p99'] as const).map((q) => ({
            name: q,
            values: dashboard.overall.map((p) => ({ at: p.at, value: p[q] })),
          }))}
        />
        <LineChart
          title="Response time, p95"
          unit="ms until the response's headers"
          {...chart}
          series={charted.map((s) => ({
            name: s.group,
            values: s.points.map((p) => ({ at: p.at, value: p.p95 })),
          }))}
        />
        <LineChart
          title="Error rate"
          unit="% of requests answered 5xx"
          {...chart}
          zeroFill
          format={(v) => `${v.toFixed(1)}%`}
          series={charted.map((s) => ({
            name: s.group,
            values: s.points.map((p) => ({
              at: p.at,
              value: p.requests > 0 ? (p.errors / p.requests) * 100 : 0,
            })),
          }))}
        />
        <table className="admin-table">
          <caption className="sr-only">Each route group over the window</caption>
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col">Requests</th>
              <th scope="col">Per minute</th>
              <th scope="col">Errors</th>
              <th scope="col">p50</th>
              <th scope="col">p95</th>
              <th scope="col">p99</th>
            </tr>
          </thead>
          <tbody>
            {dashboard.groups.map((g) => (
              <tr key={g.group}>
                <th scope="row">{g.group}</th>
                <td>{g.requests}</td>
                <td>{perMinute(g.perMinute)}</td>
                <td>{percent(g.errorRate)}</td>
                <td>{ms(g.p50)}</td>
                <td>{ms(g.p95)}</td>
                <td>{ms(g.p99)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="funnel" className="section">
        <h2 id="funnel">Checkout funnel</h2>
        <FunnelChart
          title="Carts started, checkouts started, orders paid"
          steps={[
            { label: 'Carts', value: events['cart.created'] },
            { label: 'Checkouts', value: events['checkout.started'] },
            { label: 'Paid', value: events['checkout.paid'] },
          ]}
        />
        {dashboard.paid.length > 0 ? (
          <p>
            Paid in this window: {dashboard.paid.map((p) => formatMoney(p)).join(' + ')} (before
            refunds).
          </p>
        ) : null}
      </section>
      <section aria-labelledby="trouble" className="section">
        <h2 id="trouble">What went wrong</h2>
        <dl className="admin-stats">
          <div>
            <dt>Checkouts failed</dt>
            <dd>{events['checkout.failed']}</dd>
          </div>
          <div>
            <dt>Orders to review</dt>
            <dd>
              <Link href="/admin/orders?status=needs_review">{events['order.needs_review']}</Link>
            </dd>
          </div>
          <div>
            <dt>Webhooks refused</dt>
            <dd>{events['webhook.refused']}</dd>
          </div>
          <div>
            <dt>Emails not sent</dt>
            <dd>{events['email.failed']}</dd>
          </div>
          <div>
            <dt>Cache unavailable</dt>
            <dd>{events['cache.degraded']}</dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="routes" className="section">
        <h2 id="routes">Busiest routes</h2>
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">Route</th>
              <th scope="col">Group</th>
              <th scope="col">Requests</th>
              <th scope="col">Errors</th>
              <th scope="col">p95</th>
            </tr>
          </thead>
          <tbody>
            {dashboard.routes.map((r) => (
              <tr key={r.route}>
                <th scope="row">
                  <code>{r.route}</code>
                </th>
                <td>{r.group}</td>
                <td>{r.requests}</td>
                <td>{percent(r.errorRate)}</td>
                <td>{ms(r.p95)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
