/** A line of the last hour's values, scaled to its own range; its latest value beside it. */
export function Sparkline({ values, label, width = 160, height = 36 }: { values: (number | null)[]; label: string; width?: number; height?: number }) {
  const points = values.map((v, i) => [i, v ?? 0] as const);
  const max = Math.max(1, ...points.map(([, v]) => v));
  const step = points.length > 1 ? width / (points.length - 1) : width;
  const path = points.map(([i, v]) => `${(i * step).toFixed(1)},${(height - 2 - (v / max) * (height - 4)).toFixed(1)}`).join(' ');
  return (
    <figure class="spark" aria-label={`${label}: ${values.length} samples, highest ${max.toFixed(1)}`}>
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" preserveAspectRatio="none">
        <title>{label}</title>
        {points.length > 1 ? (
          <polyline points={path} fill="none" stroke="currentColor" stroke-width="1.5" />
        ) : (
          <line x1="0" x2={width} y1={height - 2} y2={height - 2} stroke="currentColor" stroke-dasharray="2 3" />
        )}
      </svg>
      <figcaption>{label}</figcaption>
    </figure>
  );
}
