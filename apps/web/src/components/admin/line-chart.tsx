/**
 * A time-series chart drawn on the server as SVG: no script, no chart
 * library, readable without JavaScript. Each series has its own colour and
 * dash pattern (told apart without colour), a legend, and the numbers in a
 * table under "Data" for screen readers and for copying.
 */

export interface ChartSeries {
  name: string;
  /** One value per bucket start (ISO); a missing bucket is a gap, or zero with `zeroFill`. */
  values: { at: string; value: number }[];
}

const WIDTH = 640;
const HEIGHT = 200;
const PAD = { top: 12, right: 12, bottom: 24, left: 48 };
const STYLES = [
  { stroke: '#1f5f8b', dash: '' },
  { stroke: '#b5541c', dash: '6 3' },
  { stroke: '#2e7d32', dash: '2 3' },
  { stroke: '#6a3d9a', dash: '10 3 2 3' },
  { stroke: '#8b6d1f', dash: '1 2' },
  { stroke: '#555555', dash: '12 4' },
];

/** A round upper bound for the y axis: 1, 2 or 5 times a power of ten. */
function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  return ([1, 2, 5, 10].find((m) => m * power >= max) ?? 10) * power;
}

const clock = (iso: string, withDay: boolean) =>
  new Date(iso).toLocaleString('en-GB', {
    timeZone: 'UTC',
    ...(withDay ? { day: 'numeric', month: 'short' } : {}),
    hour: '2-digit',
    minute: '2-digit',
  });

export function LineChart(props: {
  title: string;
  unit: string;
  from: string;
  to: string;
  bucketSeconds: number;
  series: ChartSeries[];
  /** Throughput and error rates: a bucket without traffic is a zero, not a gap. */
  zeroFill?: boolean;
  format?: (value: number) => string;
}) {
  const format = props.format ?? ((v: number) => String(Math.round(v)));
  const from = Date.parse(props.from);
  const to = Date.parse(props.to);
  const step = props.bucketSeconds * 1000;
  const buckets: number[] = [];
  for (let t = Math.floor(from / step) * step; t <= to; t += step) buckets.push(t);
  const max = niceMax(Math.max(0, ...props.series.flatMap((s) => s.values.map((v) => v.value))));
  const x = (t: number) =>
    PAD.left + ((t - from) / Math.max(1, to - from)) * (WIDTH - PAD.left - PAD.right);
  const y = (v: number) => HEIGHT - PAD.bottom - (v / max) * (HEIGHT - PAD.top - PAD.bottom);
  const lines = props.series.map((series) => {
    const byTime = new Map(series.values.map((v) => [Date.parse(v.at), v.value]));
    const segments: string[][] = [[]];
    for (const t of buckets) {
      const value = byTime.get(t) ?? (props.zeroFill ? 0 : undefined);
      if (value === undefined) {
        if ((segments.at(-1)?.length ?? 0) > 0) segments.push([]);
        continue;
      }
      segments.at(-1)?.push(`${x(Math.max(t, from)).toFixed(1)},${y(value).toFixed(1)}`);
    }
    return { series, segments: segments.filter((s) => s.length > 0) };
  });
  const withDay = to - from > 86_400_000;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => from + f * (to - from));
  const summary = props.series
    .map((s) => `${s.name}: highest ${format(Math.max(0, ...s.values.map((v) => v.value)))}`)
    .join('; ');
  return (
    <figure className="chart">
      <figcaption className="chart__title">
        {props.title} <span className="chart__unit">({props.unit})</span>
      </figcaption>
      {props.series.length === 0 ? (
        <p className="chart__empty">Nothing recorded in this window.</p>
      ) : (
        <>
          <svg
            viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
            role="img"
            aria-label={`${props.title}, ${props.unit}. ${summary}.`}
            className="chart__plot"
          >
            {[0, 0.5, 1].map((f) => (
              <g key={f}>
                <line
                  x1={PAD.left}
                  x2={WIDTH - PAD.right}
                  y1={y(f * max)}
                  y2={y(f * max)}
                  className="chart__grid"
                />
                <text x={PAD.left - 6} y={y(f * max) + 4} textAnchor="end" className="chart__label">
                  {format(f * max)}
                </text>
              </g>
            ))}
            {ticks.map((t) => (
              <text key={t} x={x(t)} y={HEIGHT - 6} textAnchor="middle" className="chart__label">
                {clock(new Date(t).toISOString(), withDay)}
              </text>
            ))}
            {lines.map(({ series, segments }, i) =>
              segments.map((points) => {
                const [cx, cy] = (points[0] ?? '0,0').split(',');
                // A lone bucket draws no line: mark it with a dot.
                return points.length === 1 ? (
                  <circle
                    key={`${series.name}-${points[0]}`}
                    cx={cx}
                    cy={cy}
                    r={3}
                    fill={STYLES[i % STYLES.length]?.stroke}
                  />
                ) : (
                  <polyline
                    key={`${series.name}-${points[0]}`}
                    points={points.join(' ')}
                    fill="none"
                    stroke={STYLES[i % STYLES.length]?.stroke}
                    strokeDasharray={STYLES[i % STYLES.length]?.dash || undefined}
                    strokeWidth={2}
                  />
                );
              }),
            )}
          </svg>
          <ul className="chart__legend">
            {props.series.map((s, i) => (
              <li key={s.name}>
                <svg width="24" height="8" aria-hidden="true">
                  <line
                    x1="0"
                    x2="24"
                    y1="4"
                    y2="4"
                    stroke={STYLES[i % STYLES.length]?.stroke}
                    strokeDasharray={STYLES[i % STYLES.length]?.dash || undefined}
                    strokeWidth={2}
                  />
                </svg>
                {s.name}
              </li>
            ))}
          </ul>
          <details className="chart__data">
            <summary>Data</summary>
            <table className="admin-table">
              <thead>
                <tr>
                  <th scope="col">From (UTC)</th>
                  {props.series.map((s) => (
                    <th key={s.name} scope="col">
                      {s.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {buckets
                  .filter((t) =>
                    props.series.some((s) => s.values.some((v) => Date.parse(v.at) === t)),
                  )
                  .map((t) => (
                    <tr key={t}>
                      <th scope="row">{clock(new Date(t).toISOString(), withDay)}</th>
                      {props.series.map((s) => {
                        const value = s.values.find((v) => Date.parse(v.at) === t)?.value;
                        return <td key={s.name}>{value === undefined ? '—' : format(value)}</td>;
                      })}
                    </tr>
                  ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </figure>
  );
}
