/** The checkout funnel as horizontal bars, each step with its share of the first. */
export function FunnelChart(props: { title: string; steps: { label: string; value: number }[] }) {
  const first = props.steps[0]?.value ?? 0;
  const max = Math.max(1, ...props.steps.map((s) => s.value));
  const rowHeight = 30;
  const height = props.steps.length * rowHeight;
  return (
    <figure className="chart">
      <figcaption className="chart__title">{props.title}</figcaption>
      <svg
        viewBox={`0 0 640 ${height}`}
        role="img"
        aria-label={props.steps.map((s) => `${s.label}: ${s.value}`).join(', ')}
        className="chart__plot"
      >
        {props.steps.map((step, i) => {
          const width = (step.value / max) * 380;
          const share = first > 0 ? ` (${Math.round((step.value / first) * 100)}%)` : '';
          return (
            <g key={step.label} transform={`translate(0 ${i * rowHeight})`}>
              <text x={150} y={19} textAnchor="end" className="chart__label">
                {step.label}
              </text>
              <rect x={160} y={6} width={Math.max(width, 1)} height={18} className="chart__bar" />
              <text x={166 + width} y={19} className="chart__label">
                {step.value}
                {i > 0 ? share : ''}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
